import { Paragraph } from '@digdir/designsystemet-react';
import type { RouteObject } from 'react-router';
import { useLanguage } from '../i18n';
import { Page } from '../page';

/** Where a signed-in member of staff starts. The staff pages (casework, finance, ministry, reports) are being rebuilt here. */
export function StaffHome() {
  const { t } = useLanguage();
  return (
    <Page title={t('staff.title')}>
      <Paragraph>{t('staff.text')}</Paragraph>
    </Page>
  );
}

/** The staff's pages, each guarded by its roles (see app.tsx's RequireRole). */
export const staffRoutes: RouteObject[] = [];
