/**
 * The schemes context's published read model: each scheme version's code, year, kind, names and
 * kap./post. Other contexts (reporting) read this view, never `scheme_version`. Installed by migration
 * 1796040000000; listed as published in scripts/check-house-rules.ts.
 */
export const SCHEME_CATALOGUE_VIEW = `
  CREATE OR REPLACE VIEW scheme_catalogue AS
  SELECT v.scheme_code, v.budget_year, v.kind, v.name_nb, v.name_nn, v.chapter, v.post
  FROM scheme_version v`;
