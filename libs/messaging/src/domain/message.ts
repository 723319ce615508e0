/** How a message leaves: e-mail over SMTP (digital post through eFormidling is a later channel). */
export type MessageChannel = 'email';

export type Language = 'nb' | 'nn';

/**
 * queued → sending (one attempt holds a lease) → handed_over (the server said 2xx) → delivered
 * (where a channel reports it); failed is permanent and carries its reason until someone resends.
 */
export type MessageState = 'queued' | 'sending' | 'handed_over' | 'delivered' | 'failed';

export type MessageKind = 'receipt' | 'letter-ready' | 'report-reminder' | 'reclaim-notice' | 'ministry-pre-notification';

export interface MessageText {
  readonly subject: string;
  readonly body: string;
}

export interface Message {
  readonly id: string;
  readonly channel: MessageChannel;
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly language: Language;
  readonly subject: string;
  readonly body: string;
  readonly caseId: string | null;
  readonly reference: string | null;
  readonly state: MessageState;
  readonly failureReason: string | null;
  readonly lastError: string | null;
  readonly attempts: number;
  readonly messageId: string;
  readonly handedOverAt: Date | null;
  readonly failedAt: Date | null;
  readonly createdAt: Date;
}

/** What a channel answered to one attempt. */
export type SendOutcome =
  | { readonly kind: 'handed_over'; readonly response: string }
  | { readonly kind: 'temporary'; readonly reason: string }
  | { readonly kind: 'permanent'; readonly reason: string };

/** The message's state as the sender's context learns it (payload of its report-back job). */
export interface MessageStatusReport {
  readonly messageId: string;
  readonly reference: string | null;
  readonly state: 'queued' | 'handed_over' | 'failed';
  readonly reason?: string;
}

/** Bokmål always; nynorsk for recipients whose målform is nynorsk (not needed for a state agency writing to a ministry). */
export interface MessageTexts {
  readonly nb: MessageText;
  readonly nn?: MessageText;
}

/** Picks the recipient's written standard (målform); the other one is never stored. */
export function textFor(texts: MessageTexts, language: Language): { language: Language; text: MessageText } {
  return texts.nn && language === 'nn' ? { language: 'nn', text: texts.nn } : { language: 'nb', text: texts.nb };
}

/**
 * SMTP replies (RFC 5321 § 4.2.1): 2yz accepted, 4yz transient (try again), 5yz permanent. No reply
 * at all (refused, reset, timed out) is a server away, so transient.
 */
export function classifySmtpFailure(responseCode: number | undefined, message: string): SendOutcome {
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) return { kind: 'permanent', reason: message };
  return { kind: 'temporary', reason: message };
}
