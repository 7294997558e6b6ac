/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crosscheck-ui"

#include "config.h"

#include "cc-annotation-store.h"
#include "cc-undo-stack.h"

/* How many steps are kept. */
#define MAX_STEPS 200

typedef enum
{
  STEP_ADD,
  STEP_REMOVE,
  STEP_UPDATE,
} StepKind;

typedef struct
{
  StepKind      kind;
  CcAnnotation *before;  /* NULL for STEP_ADD */
  CcAnnotation *after;   /* NULL for STEP_REMOVE */
  gboolean      merge;
} Step;

struct _CcUndoStack
{
  GObject    parent_instance;

  CcStore   *store;
  GQueue     undo;       /* Step*, newest at the head */
  GQueue     redo;       /* Step*, newest at the head */
};

G_DEFINE_FINAL_TYPE (CcUndoStack, cc_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
step_free (Step *step)
{
  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_free (step);
}

static Step *
step_new (StepKind      kind,
          CcAnnotation *before,
          CcAnnotation *after,
          gboolean      merge)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->before = before ? cc_annotation_copy (before) : NULL;
  step->after = after ? cc_annotation_copy (after) : NULL;
  step->merge = merge;

  return step;
}

CcUndoStack *
cc_undo_stack_new (void)
{
  return g_object_new (CC_TYPE_UNDO_STACK, NULL);
}

static void
notify_state (CcUndoStack *self,
              gboolean     could_undo,
              gboolean     could_redo)
{
  if (could_undo != cc_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != cc_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
clear_queue (GQueue *queue)
{
  Step *step;

  while ((step = g_queue_pop_head (queue)) != NULL)
    step_free (step);
}

/* Records a new change: the redo history is gone. */
static void
push (CcUndoStack *self,
      Step        *step)
{
  gboolean could_undo = cc_undo_stack_get_can_undo (self);
  gboolean could_redo = cc_undo_stack_get_can_redo (self);
  Step *top = g_queue_peek_head (&self->undo);

  clear_queue (&self->redo);

  if (step->kind == STEP_UPDATE && step->merge && top != NULL &&
      top->kind == STEP_UPDATE && top->merge &&
      g_strcmp0 (cc_annotation_get_uuid (top->after),
                 cc_annotation_get_uuid (step->after)) == 0)
    {
      /* Typing a note: one undo step for the whole edit. */
      g_set_object (&top->after, step->after);
      step_free (step);
    }
  else
    {
      g_queue_push_head (&self->undo, step);
      while (g_queue_get_length (&self->undo) > MAX_STEPS)
        step_free (g_queue_pop_tail (&self->undo));
    }

  notify_state (self, could_undo, could_redo);
}

static void
emit_changed (CcUndoStack  *self,
              CcAnnotation *annotation,
              gboolean      exists)
{
  g_signal_emit (self, signals[CHANGED], 0, annotation, exists);
}

CcStore *
cc_undo_stack_get_store (CcUndoStack *self)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), NULL);

  return self->store;
}

void
cc_undo_stack_set_store (CcUndoStack *self,
                         CcStore     *store)
{
  g_return_if_fail (CC_IS_UNDO_STACK (self));
  g_return_if_fail (store == NULL || CC_IS_STORE (store));

  if (self->store == store)
    return;

  cc_undo_stack_clear (self);
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gboolean
check_store (CcUndoStack  *self,
             GError      **error)
{
  if (self->store != NULL)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "No library is open");
  return FALSE;
}

CcAnnotation *
cc_undo_stack_create (CcUndoStack  *self,
                      gint64        document_id,
                      guint         start,
                      guint         end,
                      const char   *color,
                      GError      **error)
{
  g_autoptr(CcAnnotation) annotation = NULL;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), NULL);

  if (!check_store (self, error))
    return NULL;

  annotation = cc_annotation_store_create (self->store, document_id, start, end,
                                           color, NULL, NULL, error);
  if (annotation == NULL)
    return NULL;

  push (self, step_new (STEP_ADD, NULL, annotation, FALSE));
  emit_changed (self, annotation, TRUE);

  return g_steal_pointer (&annotation);
}

gboolean
cc_undo_stack_update (CcUndoStack   *self,
                      CcAnnotation  *before,
                      CcAnnotation  *annotation,
                      gboolean       merge,
                      GError       **error)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (before), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  if (!check_store (self, error))
    return FALSE;

  if (!cc_annotation_store_update (self->store, annotation, error))
    return FALSE;

  push (self, step_new (STEP_UPDATE, before, annotation, merge));
  emit_changed (self, annotation, TRUE);

  return TRUE;
}

gboolean
cc_undo_stack_reattach (CcUndoStack   *self,
                        CcAnnotation  *annotation,
                        guint          start,
                        guint          end,
                        GError       **error)
{
  g_autoptr(CcAnnotation) before = NULL;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  if (!check_store (self, error))
    return FALSE;

  before = cc_annotation_copy (annotation);
  if (!cc_annotation_store_reattach (self->store, annotation, start, end, error))
    return FALSE;

  push (self, step_new (STEP_UPDATE, before, annotation, FALSE));
  emit_changed (self, annotation, TRUE);

  return TRUE;
}

gboolean
cc_undo_stack_delete (CcUndoStack   *self,
                      CcAnnotation  *annotation,
                      GError       **error)
{
  g_autoptr(CcAnnotation) before = NULL;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  if (!check_store (self, error))
    return FALSE;

  before = cc_annotation_copy (annotation);
  if (!cc_annotation_store_delete (self->store, cc_annotation_get_uuid (annotation), error))
    return FALSE;

  push (self, step_new (STEP_REMOVE, before, NULL, FALSE));
  emit_changed (self, before, FALSE);

  return TRUE;
}

gboolean
cc_undo_stack_restore (CcUndoStack   *self,
                       CcAnnotation  *annotation,
                       GError       **error)
{
  Step *top;
  g_autoptr(CcAnnotation) restored = NULL;

  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (CC_IS_ANNOTATION (annotation), FALSE);

  top = g_queue_peek_head (&self->undo);
  if (top != NULL && top->kind == STEP_REMOVE &&
      g_strcmp0 (cc_annotation_get_uuid (top->before), cc_annotation_get_uuid (annotation)) == 0)
    return cc_undo_stack_undo (self, error);

  if (!check_store (self, error))
    return FALSE;

  restored = cc_annotation_copy (annotation);
  if (!cc_annotation_store_restore (self->store, restored, error))
    return FALSE;

  push (self, step_new (STEP_ADD, NULL, restored, FALSE));
  emit_changed (self, restored, TRUE);

  return TRUE;
}

gboolean
cc_undo_stack_get_can_undo (CcUndoStack *self)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return self->store != NULL && !g_queue_is_empty (&self->undo);
}

gboolean
cc_undo_stack_get_can_redo (CcUndoStack *self)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return self->store != NULL && !g_queue_is_empty (&self->redo);
}

/* Applies @step backwards (@undo) or forwards. */
static gboolean
apply_step (CcUndoStack  *self,
            Step         *step,
            gboolean      undo,
            GError      **error)
{
  g_autoptr(CcAnnotation) target = NULL;
  gboolean add;

  switch (step->kind)
    {
    case STEP_ADD:
    case STEP_REMOVE:
      /* Undoing an addition removes; undoing a removal adds. */
      add = (step->kind == STEP_ADD) != undo;
      target = cc_annotation_copy (step->kind == STEP_ADD ? step->after : step->before);
      if (add)
        {
          if (!cc_annotation_store_restore (self->store, target, error))
            return FALSE;
        }
      else if (!cc_annotation_store_delete (self->store, cc_annotation_get_uuid (target), error))
        {
          return FALSE;
        }
      emit_changed (self, target, add);
      return TRUE;

    case STEP_UPDATE:
      target = cc_annotation_copy (undo ? step->before : step->after);
      if (!cc_annotation_store_update (self->store, target, error))
        return FALSE;
      emit_changed (self, target, TRUE);
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
move_step (CcUndoStack  *self,
           GQueue       *from,
           GQueue       *to,
           gboolean      undo,
           GError      **error)
{
  gboolean could_undo = cc_undo_stack_get_can_undo (self);
  gboolean could_redo = cc_undo_stack_get_can_redo (self);
  Step *step;
  gboolean ok;

  if (!check_store (self, error))
    return FALSE;

  step = g_queue_pop_head (from);
  if (step == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing to undo or redo");
      return FALSE;
    }

  ok = apply_step (self, step, undo, error);
  if (ok)
    {
      /* A merged note edit is not merged with what comes after its undo. */
      step->merge = FALSE;
      g_queue_push_head (to, step);
    }
  else
    step_free (step);

  notify_state (self, could_undo, could_redo);

  return ok;
}

gboolean
cc_undo_stack_undo (CcUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return move_step (self, &self->undo, &self->redo, TRUE, error);
}

gboolean
cc_undo_stack_redo (CcUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (CC_IS_UNDO_STACK (self), FALSE);

  return move_step (self, &self->redo, &self->undo, FALSE, error);
}

void
cc_undo_stack_clear (CcUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (CC_IS_UNDO_STACK (self));

  could_undo = cc_undo_stack_get_can_undo (self);
  could_redo = cc_undo_stack_get_can_redo (self);
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  notify_state (self, could_undo, could_redo);
}

static void
cc_undo_stack_dispose (GObject *object)
{
  CcUndoStack *self = CC_UNDO_STACK (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cc_undo_stack_parent_class)->dispose (object);
}

static void
cc_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CcUndoStack *self = CC_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cc_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, cc_undo_stack_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CcUndoStack *self = CC_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cc_undo_stack_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_undo_stack_class_init (CcUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_undo_stack_dispose;
  object_class->get_property = cc_undo_stack_get_property;
  object_class->set_property = cc_undo_stack_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CC_TYPE_ANNOTATION, G_TYPE_BOOLEAN);
}

static void
cc_undo_stack_init (CcUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}
