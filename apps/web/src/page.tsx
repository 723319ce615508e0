import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ApiProblem } from './api/client';
import { useLanguage } from './i18n';

/** A message carried to the next page (after a change), read out by screen readers as a status. */
export interface Flash {
  readonly flash?: string;
}

let firstPage = true;

/**
 * One page: its title in the tab, its h1, and focus on the h1 after each move within the site (so a
 * screen reader starts reading the new page), plus the message the last action left.
 */
export function Page({ title, children, lead }: { readonly title: string; readonly children?: ReactNode; readonly lead?: ReactNode }) {
  const { t } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const flash = (location.state as Flash | null)?.flash;
  useEffect(() => {
    document.title = `${title} – ${t('site.title')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, [location.key]);
  return (
    <>
      {flash ? (
        <Alert data-color="success" role="status" className="flash">
          {flash}
        </Alert>
      ) : null}
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1} className="page-title">
        {title}
      </Heading>
      {lead ? (
        <Paragraph data-size="lg" className="lead">
          {lead}
        </Paragraph>
      ) : null}
      {children}
    </>
  );
}

/** While a page's data comes. */
export function Loading() {
  const { t } = useLanguage();
  return <Spinner aria-label={t('site.loading')} data-size="md" />;
}

/** A failure as the person can act on it: the api's Norwegian detail, or that there was no answer. */
export function ProblemAlert({ error }: { readonly error: unknown }) {
  const { t } = useLanguage();
  const text = error instanceof ApiProblem ? (error.status === 0 ? t('error.network') : error.detail || t('error.title')) : t('error.title');
  return (
    <Alert data-color="danger" role="alert">
      {text}
    </Alert>
  );
}
