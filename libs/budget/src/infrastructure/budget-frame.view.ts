/**
 * The budget context's published read model: the frame of each kap./post and year from the allocation
 * letter. Other contexts (reporting) read this view, never `budget_line`. Installed by migration
 * 1796040000000; listed as published in scripts/check-house-rules.ts.
 */
export const BUDGET_FRAME_VIEW = `
  CREATE OR REPLACE VIEW budget_frame AS
  SELECT l.budget_year, l.chapter, l.post, l.name, l.frame_ore
  FROM budget_line l`;
