import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import type { Role } from './api/views';
import { Layout } from './layout';
import { ForbiddenPage, NotFoundPage } from './pages/not-found';
import { ChooseOrganisationPage, LoggedOutPage, LoginPage } from './pages/sign-in';
import { HomePage } from './pages/home';
import { ApplicationFormPage, ApplicationPage, CheckAnswersPage, ReceiptPage } from './pages/application';
import { CasePage } from './pages/case';
import { MunicipalityPage } from './pages/municipality';
import { OrganisationPage } from './pages/organisation';
import { PublicJournalPage } from './pages/public-journal';
import { SchemePage, SchemesPage } from './pages/schemes';
import { hasRole, useSession } from './session';
import { StaffHome, staffRoutes } from './staff/routes';

/** A page for some roles only: others are sent to login (and back), or told it is not theirs. */
export function RequireRole({ roles, children }: { readonly roles: readonly Role[]; readonly children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (!session.authenticated) return <Navigate to={`/logg-inn?neste=${encodeURIComponent(here)}`} replace />;
  if (!hasRole(session, ...roles)) return <ForbiddenPage />;
  if (session.kind === 'applicant' && !session.actingFor) return <Navigate to={`/velg-organisasjon?neste=${encodeURIComponent(here)}`} replace />;
  return children;
}

/** The front page: the applicant's own applications and cases, staff's start page, or login. */
function Home() {
  const { session } = useSession();
  if (!session.authenticated) return <Navigate to="/logg-inn" replace />;
  if (session.kind === 'applicant') {
    return (
      <RequireRole roles={['applicant']}>
        <HomePage />
      </RequireRole>
    );
  }
  return <StaffHome />;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="logg-inn" element={<LoginPage />} />
        <Route path="logget-ut" element={<LoggedOutPage />} />
        <Route path="velg-organisasjon" element={<ChooseOrganisationPage />} />
        <Route path="offentlig-journal" element={<PublicJournalPage />} />
        {(
          [
            ['ordninger', <SchemesPage />],
            ['ordninger/:code', <SchemePage />],
            ['soknader/:id', <ApplicationPage />],
            ['soknader/:id/skjema', <ApplicationFormPage />],
            ['soknader/:id/kontroll', <CheckAnswersPage />],
            ['soknader/:id/kvittering', <ReceiptPage />],
            ['saker/:id', <CasePage />],
            ['organisasjon', <OrganisationPage />],
            ['kommune', <MunicipalityPage />],
          ] as const
        ).map(([path, element]) => (
          <Route key={path} path={path} element={<RequireRole roles={['applicant']}>{element}</RequireRole>} />
        ))}
        {staffRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
