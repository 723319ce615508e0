import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { RouteObject } from 'react-router';
import { Link } from 'react-router';
import { RequireRole } from '../app';
import { useLanguage } from '../i18n';
import { Page } from '../page';
import { hasRole, useSession } from '../session';
import { AdminPage } from './admin';
import { SystemPage } from './admin-system';
import { ApproverPage } from './approver';
import { CasePage } from './case-page';
import { BudgetPage } from './budget';
import { BatchesPage, BatchPage, PayoutRunPage, PayoutsPage } from './finance';
import { MinistryPage } from './ministry';
import { PerCapitaPage } from './per-capita';
import { ReclaimsPage } from './reclaims';
import { MinistryReportsPage, RecipientReportsPage, ReportRunPage, ReportsPage } from './reports';
import { useText } from './text';
import { WorkQueuePage } from './work-queue';

/** Where a signed-in member of staff starts: the pages their roles open. */
export function StaffHome() {
  const { t } = useLanguage();
  const s = useText();
  const { session } = useSession();
  const links: Array<[boolean, string, string]> = [
    [hasRole(session, 'caseworker', 'approver', 'admin'), '/saksbehandling', s('Arbeidskø', 'Arbeidskø')],
    [hasRole(session, 'caseworker', 'approver', 'admin'), '/saksbehandling/rapporter', s('Mottakernes rapporter', 'Mottakarane sine rapportar')],
    [hasRole(session, 'approver'), '/godkjenning', s('Godkjenning og mine fullmakter', 'Godkjenning og mine fullmakter')],
    [hasRole(session, 'finance'), '/okonomi', s('Utbetalinger', 'Utbetalingar')],
    [hasRole(session, 'finance'), '/okonomi/bunter', s('Betalingsbunter', 'Betalingsbuntar')],
    [hasRole(session, 'finance'), '/okonomi/per-capita', s('Per capita-tilskudd', 'Per capita-tilskot')],
    [hasRole(session, 'finance'), '/okonomi/tilbakekreving', s('Tilbakekreving', 'Tilbakekrevjing')],
    [hasRole(session, 'finance', 'admin'), '/okonomi/budsjett', s('Budsjettstatus per kap./post', 'Budsjettstatus per kap./post')],
    [hasRole(session, 'finance', 'admin'), '/rapporter', s('Rapporter', 'Rapportar')],
    [hasRole(session, 'ministry') && !hasRole(session, 'finance', 'admin'), '/departementet/rapporter', s('Rapporter', 'Rapportar')],
    [hasRole(session, 'ministry'), '/departementet', s('Forhåndsorienteringer', 'Førehandsorienteringar')],
    [hasRole(session, 'admin'), '/administrasjon', s('Administrasjon', 'Administrasjon')],
    [hasRole(session, 'admin'), '/administrasjon/tilgang', s('Tilgang og kontroll', 'Tilgang og kontroll')],
  ];
  const mine = links.filter(([allowed]) => allowed);
  return (
    <Page title={t('staff.title')}>
      {mine.length === 0 ? <Paragraph>{s('Du har ingen rolle i tilskuddsforvaltningen.', 'Du har inga rolle i tilskotsforvaltninga.')}</Paragraph> : null}
      <ul className="task-list">
        {mine.map(([, to, label]) => (
          <li key={to}>
            <DsLink asChild>
              <Link to={to}>{label}</Link>
            </DsLink>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** The staff's pages, each guarded by its roles (see app.tsx's RequireRole). */
export const staffRoutes: RouteObject[] = [
  {
    path: 'saksbehandling',
    element: (
      <RequireRole roles={['caseworker', 'approver', 'admin']}>
        <WorkQueuePage />
      </RequireRole>
    ),
  },
  {
    path: 'saksbehandling/rapporter',
    element: (
      <RequireRole roles={['caseworker', 'approver', 'admin']}>
        <RecipientReportsPage />
      </RequireRole>
    ),
  },
  {
    path: 'saksbehandling/saker/:id',
    element: (
      <RequireRole roles={['caseworker', 'approver', 'admin']}>
        <CasePage />
      </RequireRole>
    ),
  },
  {
    path: 'godkjenning',
    element: (
      <RequireRole roles={['approver']}>
        <ApproverPage />
      </RequireRole>
    ),
  },
  {
    path: 'okonomi',
    element: (
      <RequireRole roles={['finance']}>
        <PayoutsPage />
      </RequireRole>
    ),
  },
  {
    path: 'okonomi/kjoringer/:id',
    element: (
      <RequireRole roles={['finance']}>
        <PayoutRunPage />
      </RequireRole>
    ),
  },
  {
    path: 'okonomi/per-capita',
    element: (
      <RequireRole roles={['finance']}>
        <PerCapitaPage />
      </RequireRole>
    ),
  },
  {
    path: 'okonomi/tilbakekreving',
    element: (
      <RequireRole roles={['finance']}>
        <ReclaimsPage />
      </RequireRole>
    ),
  },
  {
    path: 'okonomi/budsjett',
    element: (
      <RequireRole roles={['finance', 'admin']}>
        <BudgetPage />
      </RequireRole>
    ),
  },
  {
    path: 'rapporter',
    element: (
      <RequireRole roles={['finance', 'admin']}>
        <ReportsPage />
      </RequireRole>
    ),
  },
  {
    path: 'rapporter/:id',
    element: (
      <RequireRole roles={['finance', 'admin', 'ministry']}>
        <ReportRunPage />
      </RequireRole>
    ),
  },
  {
    path: 'departementet/rapporter',
    element: (
      <RequireRole roles={['ministry', 'finance', 'admin']}>
        <MinistryReportsPage />
      </RequireRole>
    ),
  },
  {
    path: 'okonomi/bunter',
    element: (
      <RequireRole roles={['finance']}>
        <BatchesPage />
      </RequireRole>
    ),
  },
  {
    path: 'okonomi/bunter/:id',
    element: (
      <RequireRole roles={['finance']}>
        <BatchPage />
      </RequireRole>
    ),
  },
  {
    path: 'departementet',
    element: (
      <RequireRole roles={['ministry']}>
        <MinistryPage />
      </RequireRole>
    ),
  },
  {
    path: 'administrasjon',
    element: (
      <RequireRole roles={['admin']}>
        <AdminPage />
      </RequireRole>
    ),
  },
  {
    path: 'administrasjon/tilgang',
    element: (
      <RequireRole roles={['admin']}>
        <SystemPage />
      </RequireRole>
    ),
  },
];
