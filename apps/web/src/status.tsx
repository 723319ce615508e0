import { Tag } from '@digdir/designsystemet-react';
import { addMessages, useLanguage } from './i18n';

/** What each case status means to the applicant, in words and colour. */
const STATUS: Record<string, { nb: string; nn: string; color: 'neutral' | 'info' | 'success' | 'warning' | 'danger' }> = {
  draft: { nb: 'Utkast – ikke sendt', nn: 'Utkast – ikkje sendt', color: 'neutral' },
  submitted: { nb: 'Sendt – venter på behandling', nn: 'Sendt – ventar på handsaming', color: 'info' },
  withdrawn: { nb: 'Trukket', nn: 'Trekt', color: 'neutral' },
  rejected_formal: { nb: 'Avvist', nn: 'Avvist', color: 'danger' },
  in_assessment: { nb: 'Under behandling', nn: 'Under handsaming', color: 'info' },
  proposed: { nb: 'Under behandling', nn: 'Under handsaming', color: 'info' },
  approved: { nb: 'Innvilget – vedtaksbrev kommer', nn: 'Innvilga – vedtaksbrev kjem', color: 'info' },
  refused: { nb: 'Avslått', nn: 'Avslått', color: 'danger' },
  ministry_notified: { nb: 'Innvilget – vedtaksbrev kommer', nn: 'Innvilga – vedtaksbrev kjem', color: 'info' },
  letter_sent: { nb: 'Innvilget – du må akseptere', nn: 'Innvilga – du må akseptere', color: 'warning' },
  accepted: { nb: 'Akseptert – venter på utbetaling', nn: 'Akseptert – ventar på utbetaling', color: 'success' },
  paid: { nb: 'Utbetalt', nn: 'Utbetalt', color: 'success' },
  report_due: { nb: 'Rapport skal leveres', nn: 'Rapport skal leverast', color: 'warning' },
  report_approved: { nb: 'Rapport godkjent', nn: 'Rapport godkjend', color: 'success' },
  closed: { nb: 'Avsluttet', nn: 'Avslutta', color: 'neutral' },
  appeal_received: { nb: 'Klage til behandling', nn: 'Klage til handsaming', color: 'warning' },
  upheld: { nb: 'Klagen er avgjort', nn: 'Klaga er avgjord', color: 'neutral' },
};

addMessages({ nb: { 'status.unknown': 'Status: {status}' }, nn: { 'status.unknown': 'Status: {status}' } });

export function statusText(status: string, language: 'nb' | 'nn'): string {
  return STATUS[status]?.[language] ?? status;
}

export function StatusTag({ status }: { readonly status: string }) {
  const { language } = useLanguage();
  return (
    <Tag data-color={STATUS[status]?.color ?? 'neutral'} data-size="sm">
      {statusText(status, language)}
    </Tag>
  );
}
