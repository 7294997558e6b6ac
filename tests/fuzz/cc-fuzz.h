/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the libFuzzer targets (tests/fuzz/fuzz-*.c). Each
 * target defines LLVMFuzzerTestOneInput; libFuzzer provides main(). */

int   LLVMFuzzerTestOneInput (const guint8 *data,
                              size_t        size);

/* The input as the engine's text: valid UTF-8 (invalid bytes replaced),
 * normalised as an imported document is (NFC, '\n' line endings). */
char *cc_fuzz_text           (const guint8 *data,
                              size_t        size);

G_END_DECLS
