import { api } from '../api.js';
import { schemeName } from '../catalogue.js';
import { facts, h, table } from '../dom.js';
import { formatDateTime, formatNok, formatOrganisationNumber } from '../format.js';
import type { View } from '../router.js';
import type { AppealView, NotificationView } from '../types.js';
import { notice, section } from '../ui.js';

type Item = NotificationView['items'][number];

/** The ministry's inbox: IMDi's pre-notifications of grants (Instruks 6.1), read-only, newest first. */
export async function ministryInboxView(): Promise<View> {
  const [notifications, appeals] = await Promise.all([api<NotificationView[]>('/ministry/notifications'), api<AppealView[]>('/ministry/appeals')]);
  const names = new Map(await Promise.all([...new Set(notifications.map((notification) => notification.schemeCode))].map(async (code) => [code, await schemeName(code)] as const)));
  return {
    title: 'Forhåndsorienteringer',
    body: [
      h('p', { class: 'ingress' }, 'IMDi orienterer departementet om tilskudd i søkbare ordninger før tilskuddsbrevene sendes (instruks 6.1).'),
      notifications.length === 0
        ? notice('info', 'Ingen forhåndsorienteringer er mottatt.')
        : notifications.map((notification) =>
            h(
              'article',
              { class: 'seksjon', 'aria-labelledby': `orientering-${notification.id}` },
              h('h2', { id: `orientering-${notification.id}` }, `${names.get(notification.schemeCode) ?? notification.schemeCode} ${notification.budgetYear}, runde ${notification.round}`),
              facts([
                ['Mottatt', formatDateTime(notification.deliveredAt)],
                ['Antall tilskudd', String(notification.items.length)],
                ['Sum', formatNok(notification.totalNok)],
              ]),
              table(
                'Mottakere og beløp',
                [
                  { header: 'Mottaker', cell: (item: Item) => item.recipientName },
                  { header: 'Org.nr.', cell: (item) => formatOrganisationNumber(item.organisationNumber) },
                  { header: 'Saksnummer', cell: (item) => item.caseNumber },
                  { header: 'Kap./post', cell: (item) => item.budgetPost },
                  { header: 'Beløp', cell: (item) => formatNok(item.amountNok), numeric: true },
                ],
                notification.items,
                ['Sum', '', '', '', formatNok(notification.totalNok)],
              ),
            ),
          ),
      section(
        'Klager oversendt departementet',
        appeals.length === 0
          ? h('p', {}, 'Ingen klager er oversendt.')
          : table('Klager IMDi har opprettholdt og sendt til departementet som klageinstans', [
              { header: 'Saksnummer', cell: (appeal: AppealView) => appeal.caseNumber ?? '–' },
              { header: 'Mottatt hos IMDi', cell: (appeal) => formatDateTime(appeal.receivedAt) },
              { header: 'Oversendt', cell: (appeal) => formatDateTime(appeal.forwardedAt) },
              { header: 'Klagerens begrunnelse', cell: (appeal) => appeal.grounds },
              { header: 'IMDis oppsummering', cell: (appeal) => appeal.summaryForMinistry ?? '–' },
            ], appeals),
      ),
    ],
  };
}
