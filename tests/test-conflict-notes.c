/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cc-conflict-notes.h"
#include "cc-error.h"
#include "cc-test-util.h"

static void
test_set_get_update (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(CcConflictNote) note = NULL;
  g_autoptr(CcConflictNote) updated = NULL;
  g_autoptr(GError) error = NULL;
  gint64 created;

  note = cc_conflict_notes_get (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_null (note);

  g_assert_true (cc_conflict_notes_set (store, "k1", "Acme", "price", "Source B is right", &error));
  g_assert_no_error (error);

  note = cc_conflict_notes_get (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->key, ==, "k1");
  g_assert_cmpstr (note->subject, ==, "Acme");
  g_assert_cmpstr (note->attribute, ==, "price");
  g_assert_cmpstr (note->note, ==, "Source B is right");
  g_assert_cmpint (note->created, >, 0);
  g_assert_cmpint (note->modified, >=, note->created);
  created = note->created;

  g_assert_true (cc_conflict_notes_set (store, "k1", "Acme", "price",
                                        "Checked: the filing says A ✓", &error));
  g_assert_no_error (error);
  updated = cc_conflict_notes_get (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->note, ==, "Checked: the filing says A ✓");
  g_assert_cmpint (updated->created, ==, created);

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_blank_deletes (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(CcConflictNote) note = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_conflict_notes_set (store, "k1", "A", "x", "one", &error));
  g_assert_true (cc_conflict_notes_set (store, "k2", "B", "y", "two", &error));
  g_assert_no_error (error);

  g_assert_true (cc_conflict_notes_set (store, "k1", "A", "x", "  \n\t", &error));
  g_assert_no_error (error);
  note = cc_conflict_notes_get (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_null (note);

  /* Deleting what is not there is fine. */
  g_assert_true (cc_conflict_notes_delete (store, "k1", &error));
  g_assert_true (cc_conflict_notes_delete (store, "nope", &error));
  g_assert_no_error (error);

  notes = cc_conflict_notes_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((CcConflictNote *)notes->pdata[0])->key, ==, "k2");

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_list_order_and_bad_input (void)
{
  g_autofree char *dir = cc_test_tmpdir_new ();
  g_autoptr(CcStore) store = cc_test_open_store (dir);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_conflict_notes_set (store, "z", "Beta", "date", "n1", &error));
  g_assert_true (cc_conflict_notes_set (store, "y", "Alpha", "users", "n2", &error));
  g_assert_true (cc_conflict_notes_set (store, "x", "Alpha", "price", "n3", &error));
  g_assert_no_error (error);

  notes = cc_conflict_notes_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpstr (((CcConflictNote *)notes->pdata[0])->key, ==, "x");
  g_assert_cmpstr (((CcConflictNote *)notes->pdata[1])->key, ==, "y");
  g_assert_cmpstr (((CcConflictNote *)notes->pdata[2])->key, ==, "z");

  g_assert_false (cc_conflict_notes_set (store, "", "A", "x", "note", &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cc_conflict_notes_set (store, "w", "A", "x", "bad \xff byte", &error));
  g_assert_error (error, CC_ERROR, CC_ERROR_ENCODING);
  g_clear_error (&error);

  cc_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crosscheck/conflict-notes/set-get-update", test_set_get_update);
  g_test_add_func ("/crosscheck/conflict-notes/blank-deletes", test_blank_deletes);
  g_test_add_func ("/crosscheck/conflict-notes/list-order-and-bad-input", test_list_order_and_bad_input);

  return g_test_run ();
}
