/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-fetch"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "cc-error.h"
#include "cc-fetch.h"

#define CHUNK (64 * 1024)

gboolean
cc_fetch_is_url (const char *text)
{
  return text != NULL && (g_ascii_strncasecmp (text, "http://", 7) == 0 ||
                          g_ascii_strncasecmp (text, "https://", 8) == 0);
}

static GBytes *
read_body (GInputStream     *stream,
           guint64           total,
           guint64           limit,
           CcFetchProgress   progress,
           gpointer          user_data,
           const char       *url,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 *buffer = g_malloc (CHUNK);
  gssize n;

  while ((n = g_input_stream_read (stream, buffer, CHUNK, cancellable, error)) > 0)
    {
      if (body->len + (guint64)n > limit)
        {
          g_free (buffer);
          g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                       _("%s: the page is larger than the limit of %u MB"), url,
                       (guint)(limit / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (body, buffer, n);
      if (progress != NULL)
        progress (body->len, total, user_data);
    }
  g_free (buffer);
  if (n < 0)
    {
      g_prefix_error (error, "%s: ", url);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

GBytes *
cc_fetch_url (const char       *url,
              guint64           limit,
              CcFetchProgress   progress,
              gpointer          user_data,
              char            **content_type,
              char            **charset,
              char            **final_url,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GHashTable) params = NULL;
  SoupMessageHeaders *headers;
  const char *type;
  goffset length;
  guint status;

  if (!cc_fetch_is_url (url) || (message = soup_message_new ("GET", url)) == NULL)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_INVALID, _("%s: not an http or https address"), url);
      return NULL;
    }
  session = soup_session_new_with_options ("user-agent", "Crosscheck/" PACKAGE_VERSION,
                                           "timeout", 60, NULL);
  stream = soup_session_send (session, message, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", url);
      return NULL;
    }
  status = soup_message_get_status (message);
  if (status < 200 || status >= 300)
    {
      g_set_error (error, CC_ERROR, status == 404 ? CC_ERROR_NOT_FOUND : CC_ERROR_FAILED,
                   _("%s: the server answered %u %s"), url, status,
                   soup_message_get_reason_phrase (message));
      return NULL;
    }
  headers = soup_message_get_response_headers (message);
  length = soup_message_headers_get_content_length (headers);
  if (length > 0 && (guint64)length > limit)
    {
      g_set_error (error, CC_ERROR, CC_ERROR_TOO_LARGE,
                   _("%s: the page is %.1f MB, larger than the limit of %u MB"), url,
                   length / (1024.0 * 1024.0), (guint)(limit / (1024 * 1024)));
      return NULL;
    }
  type = soup_message_headers_get_content_type (headers, &params);
  if (content_type != NULL)
    *content_type = g_strdup (type);
  if (charset != NULL)
    *charset = params ? g_strdup (g_hash_table_lookup (params, "charset")) : NULL;
  if (final_url != NULL)
    *final_url = g_uri_to_string (soup_message_get_uri (message));
  return read_body (stream, length > 0 ? (guint64)length : 0, limit, progress, user_data, url,
                    cancellable, error);
}

/* An import event names its link already: its reason is the message
 * without the "URL: " that cc_fetch_url() puts first. */
static const char *
reason_of (const char *message,
           const char *url)
{
  gsize len = strlen (url);

  if (strncmp (message, url, len) == 0 && strncmp (message + len, ": ", 2) == 0)
    return message + len + 2;
  return message;
}

CcImportReport *
cc_fetch_import (CcStore          *store,
                 const char       *url,
                 CcFetchProgress   progress,
                 gpointer          user_data,
                 GCancellable     *cancellable,
                 GError          **error)
{
  g_autoptr(GError) fetch_error = NULL;
  g_autofree char *type = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *final_url = NULL;
  g_autoptr(GBytes) body = cc_fetch_url (url, CC_FETCH_MAX_SIZE, progress, user_data, &type,
                                         &charset, &final_url, cancellable, &fetch_error);

  if (body == NULL && g_error_matches (fetch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&fetch_error));
      return NULL;
    }
  return cc_import_fetched (store, url, body, type, charset, final_url,
                            fetch_error ? reason_of (fetch_error->message, url) : NULL, error);
}

/* Async ------------------------------------------------------------------- */

typedef struct
{
  char            *db_path;
  char            *url;
  CcFetchProgress  progress;
  gpointer         progress_data;
  GMainContext    *context;
  gint64           last;
} FetchTask;

typedef struct
{
  FetchTask *task;
  guint64    received;
  guint64    total;
} FetchUpdate;

static void
fetch_task_free (FetchTask *data)
{
  g_free (data->db_path);
  g_free (data->url);
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
deliver (gpointer user_data)
{
  FetchUpdate *update = user_data;

  update->task->progress (update->received, update->total, update->task->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress (guint64  received,
                 guint64  total,
                 gpointer user_data)
{
  FetchTask *data = user_data;
  gint64 now = g_get_monotonic_time ();
  FetchUpdate *update;

  if (now - data->last < G_USEC_PER_SEC / 20)
    return;
  data->last = now;
  update = g_new0 (FetchUpdate, 1);
  update->task = data;
  update->received = received;
  update->total = total;
  /* the task (and @data) outlives every update: it is returned on the
   * same context after them */
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver, update, g_free);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchTask *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStore) store = cc_store_open (data->db_path, &error);
  CcImportReport *report;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = cc_fetch_import (store, data->url, data->progress ? thread_progress : NULL, data,
                            cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify)cc_import_report_free);
}

void
cc_fetch_import_async (const char          *db_path,
                       const char          *url,
                       CcFetchProgress      progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FetchTask *data = g_new0 (FetchTask, 1);

  data->db_path = g_strdup (db_path);
  data->url = g_strdup (url);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, cc_fetch_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify)fetch_task_free);
  g_task_run_in_thread (task, fetch_thread);
}

CcImportReport *
cc_fetch_import_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
