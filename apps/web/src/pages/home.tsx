import { Paragraph } from '@digdir/designsystemet-react';
import { useLanguage } from '../i18n';
import { Page } from '../page';

export function HomePage() {
  const { t } = useLanguage();
  return (
    <Page title={t('nav.home')}>
      <Paragraph>…</Paragraph>
    </Page>
  );
}
