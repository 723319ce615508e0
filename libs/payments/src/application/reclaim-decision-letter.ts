import { formatOsloDate, type Money } from '@imdi/kernel';
import { renderNotice, type AgencyLetterhead, type LetterPerson, type LetterRecipient } from '@imdi/letters';
import { RECLAIM_DECISION_TEXT } from '../domain/reclaim-decision';

/** What the decision letter says: the decision as recorded, and who writes to whom under which reference. */
export interface ReclaimDecisionLetterContent {
  readonly writtenStandard: 'nb' | 'nn';
  readonly agency: AgencyLetterhead;
  readonly recipient: LetterRecipient;
  /** "Vår ref.": the case number and the letter's document number in the case (older decisions: the case number). */
  readonly ourReference: string | null;
  /** Oslo date of the decision. */
  readonly decidedOn: string;
  readonly caseworker: LetterPerson | null;
  readonly amount: Money;
  readonly dueOn: string;
  readonly reason: string;
  readonly followsNotice: boolean;
  /** The last day to appeal (fvl. § 29, moved to a working day by § 30); null when the decision is no enkeltvedtak. */
  readonly appealDeadline: string | null;
}

/**
 * The decision to reclaim as a letter (PDF/A-2b) in the recipient's written standard: amount in kroner
 * and øre, due date, the reasons, and the right to appeal with its deadline (fvl. §§ 24, 25 and 27).
 */
export async function renderReclaimDecisionLetter(content: ReclaimDecisionLetterContent): Promise<Uint8Array> {
  const text = RECLAIM_DECISION_TEXT[content.writtenStandard];
  const due = formatOsloDate(content.dueOn);
  return renderNotice({
    writtenStandard: content.writtenStandard,
    title: text.title,
    frame: {
      agency: content.agency,
      recipient: content.recipient,
      ourReference: content.ourReference,
      yourReference: null,
      date: formatOsloDate(content.decidedOn),
      caseworker: content.caseworker,
      approver: null,
      copyTo: [],
    },
    rows: [
      [text.amount, content.amount.formatNok()],
      [text.due, due],
    ],
    sections: [
      { text: text.intro },
      { heading: text.why, text: content.reason },
      ...(content.followsNotice ? [{ text: text.notice }] : []),
      { text: text.payment.replace('{date}', due) },
      { text: content.appealDeadline ? text.appeal.replace('{date}', formatOsloDate(content.appealDeadline)) : text.noAppeal },
    ],
  });
}
