import { Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useLanguage } from '../i18n';
import { Page } from '../page';

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <Page title={t('notFound.title')}>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </Page>
  );
}

export function ForbiddenPage() {
  const { t } = useLanguage();
  return (
    <Page title={t('forbidden.title')}>
      <Paragraph>{t('forbidden.text')}</Paragraph>
    </Page>
  );
}
