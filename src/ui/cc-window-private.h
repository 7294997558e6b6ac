/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-folder-watch.h"
#include "cc-importer.h"
#include "cc-search-popover.h"
#include "cc-session.h"
#include "cc-window.h"

G_BEGIN_DECLS

struct _CcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *sidebar_button;
  GtkMenuButton        *search_button;
  CcSearchPopover      *search_popover;
  GtkToggleButton      *side_panel_button;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkWidget            *import_cancel;
  GtkStack             *content_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *sample_button;
  GtkPaned             *outer_paned;
  GtkWidget            *sidebar;
  GtkSearchEntry       *filter_entry;
  GtkRevealer          *filter_revealer;
  GtkLabel             *filter_label;
  GtkStack             *list_stack;
  GtkListView          *document_list;
  GtkLabel             *list_count;
  GtkPaned             *inner_paned;
  AdwViewStack         *main_stack;
  GtkStack             *read_stack;
  CcReaderView         *reader;
  GtkBox               *compare_page;
  GtkBox               *facts_page;
  GtkWidget            *side_panel;
  GtkStack             *side_stack;
  GtkBox               *entities_page;
  GtkBox               *notes_page;
  AdwViewSwitcherBar   *switcher_bar;

  /* Owned */
  GSettings            *settings;
  CcStore              *store;
  GListStore           *documents;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  char                 *filter_text;    /* casefolded, nullable */
  GCancellable         *import_cancellable;
  CcImportReport       *last_report;
  GtkWidget            *library_dialog; /* weak */
  /* stories (issue 13) */
  CcSession            *session;        /* library, story, document */
  GtkWidget            *stories_sidebar;
  GtkLabel             *story_label;    /* "library — story" in the header */
  char                 *import_story;   /* the running import makes this story */
  char                 *import_folder;  /* ... made from this folder */
  gint64                import_story_id; /* ... or adds to this one */
  gboolean              import_quiet;   /* started by a watched folder */
  gint64                watched_story_id; /* ... of this story */
  gboolean              changing_store;
  GHashTable           *watches;        /* story id -> watch of its folder */

  gboolean              importing;
};

/* cc-window.c */
void     _cc_window_reload_documents   (CcWindow           *self);
void     _cc_window_update_content     (CcWindow           *self);
gboolean _cc_window_set_store          (CcWindow           *self,
                                        CcStore            *store);

/* cc-window-actions.c */
void     _cc_window_class_actions_init (GtkWidgetClass     *widget_class);
void     _cc_window_actions_init       (CcWindow           *self);
void     _cc_window_update_actions     (CcWindow           *self);

/* cc-window-import.c */
void     _cc_window_import_init        (CcWindow           *self);
void     _cc_window_show_import_report (CcWindow           *self);
void     _cc_window_choose_folder      (CcWindow           *self);
void     _cc_window_choose_files       (CcWindow           *self);
gboolean _cc_window_import_files       (CcWindow           *self,
                                        GListModel         *files);
void     _cc_window_ask_link           (CcWindow           *self);
/* cc-window-views.c */
void     _cc_window_views_init         (CcWindow           *self);  /* views */

/* cc-window-stories.c (issue 13) */
void     _cc_window_stories_init        (CcWindow           *self);
void     _cc_window_offer_story_import  (CcWindow           *self,
                                         const char * const *paths);
void     _cc_window_stories_import_done (CcWindow           *self,
                                         CcImportReport     *report);
gboolean _cc_window_stories_watch_toast (CcWindow             *self,
                                         const CcImportReport *report);
void     _cc_window_watch_folders       (CcWindow           *self);
/* The watch of story @story_id's folder, or NULL (for tests). */
CcFolderWatch *_cc_window_get_folder_watch (CcWindow         *self,
                                            gint64            story_id);
void     _cc_window_choose_new_library  (CcWindow           *self);

/* cc-window-library.c */
void     _cc_window_show_library_error (CcWindow           *self,
                                        const char         *path,
                                        const GError       *error);
void     _cc_window_choose_library     (CcWindow           *self);
char    *_cc_window_new_library_path   (const char         *broken_path);

G_END_DECLS
