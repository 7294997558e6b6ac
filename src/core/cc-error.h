/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_ERROR (cc_error_quark ())

typedef enum
{
  CC_ERROR_FAILED,
  CC_ERROR_NOT_FOUND,
  CC_ERROR_INVALID,
  CC_ERROR_NOT_A_DATABASE,
  CC_ERROR_CORRUPT_DATABASE,
  CC_ERROR_TOO_NEW,
  CC_ERROR_BINARY,
  CC_ERROR_ENCODING,
  CC_ERROR_TOO_LARGE,
  CC_ERROR_EMPTY,
  CC_ERROR_UNSUPPORTED,
  CC_ERROR_AMBIGUOUS,
} CcError;

GQuark cc_error_quark (void);

G_END_DECLS
