/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-error.h"

G_DEFINE_QUARK (crosscheck-error-quark, cc_error)
