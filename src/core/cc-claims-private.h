/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-claims.h"

G_BEGIN_DECLS

/* An amount read from the words of a value mention. */
typedef struct
{
  double      low;
  double      high;
  double      precision;
  gboolean    is_range;
  gboolean    percent;   /* "%", "percent", "per cent" */
  gboolean    plus;      /* "3+" */
  double      out_of;    /* "87/100" -> 100 */
  const char *currency;  /* ISO code, static */
  const char *unit;      /* canonical measure unit, static */
} CcParsedValue;

gboolean cc_claims_parse_amount (const char    *surface,
                                 CcParsedValue *out);
/* ISO date or date range ("2026-04-08", "2026-04", "2026", "A/B") into a
 * CC_CLAIM_DATE value (Julian days); @year gets the first year. */
gboolean cc_claims_parse_date   (const char    *value,
                                 CcClaimValue       *out,
                                 int           *year);

G_END_DECLS
