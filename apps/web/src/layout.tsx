import { Button, Link as DsLink, SkipLink } from '@digdir/designsystemet-react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { answer, api } from './api/client';
import { useLanguage } from './i18n';
import { actingForName, hasRole, useSession } from './session';

/** The frame around every page: skip link, name of the service, the person and their menu, language. */
export function Layout() {
  const { t, language, setLanguage } = useLanguage();
  const { session } = useSession();
  const acting = actingForName(session);
  const applicant = hasRole(session, 'applicant');
  const navigate = useNavigate();

  async function logOut(): Promise<void> {
    try {
      const { redirectTo } = await answer<{ redirectTo: string }>(api.POST('/auth/logout'));
      location.assign(redirectTo);
    } catch {
      navigate('/logg-inn');
    }
  }

  return (
    <>
      <SkipLink href="#hovedinnhold">{t('site.skip')}</SkipLink>
      <header className="site-header">
        <div className="wrap site-header__top">
          <Link to="/" className="site-header__title">
            {t('site.title')}
          </Link>
          <div className="site-header__tools">
            <Button
              variant="tertiary"
              data-size="sm"
              lang={language === 'nb' ? 'nn' : 'nb'}
              aria-label={t('language.switchLabel')}
              onClick={() => setLanguage(language === 'nb' ? 'nn' : 'nb')}
            >
              {t('language.switch')}
            </Button>
            {session.authenticated ? (
              <>
                <span className="site-header__user" id="bruker">
                  {session.principal.name}
                  {acting ? ` ${t('user.actingFor', { organisation: acting })}` : ''}
                </span>
                {session.kind === 'applicant' && session.representations.length > 1 ? (
                  <DsLink asChild>
                    <Link to="/velg-organisasjon">{t('user.switchOrganisation')}</Link>
                  </DsLink>
                ) : null}
                <Button variant="secondary" data-size="sm" onClick={() => void logOut()}>
                  {t('user.logOut')}
                </Button>
              </>
            ) : null}
          </div>
        </div>
        {applicant && acting ? (
          <nav aria-label={t('site.menu')} className="site-nav">
            <ul className="wrap site-nav__list">
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/ordninger">{t('nav.schemes')}</NavLink>
              </li>
              <li>
                <NavLink to="/organisasjon">{t('nav.organisation')}</NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="hovedinnhold" className="wrap site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="wrap">{t('site.footer')}</div>
      </footer>
    </>
  );
}
