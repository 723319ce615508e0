/** Where a case stands (SPEC §4). */
export const CASE_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'rejected_formal',
  'in_assessment',
  'proposed',
  'approved',
  'refused',
  'ministry_notified',
  'letter_sent',
  'accepted',
  'paid',
  'report_due',
  'report_approved',
  'closed',
  'appeal_received',
  'upheld',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
