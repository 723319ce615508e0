import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles.css';
import { Component, StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { LanguageProvider, translate } from './i18n';
import { SessionProvider } from './session';

/** A failure nothing else caught: said in Norwegian, with a way to try again, never a blank page. */
class Failure extends Component<{ readonly children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const language = document.documentElement.lang === 'nn' ? 'nn' : 'nb';
    return (
      <main className="wrap site-main">
        <h1>{translate(language, 'error.title')}</h1>
        <p>{translate(language, 'error.network')}</p>
        <p>
          <a href={location.pathname}>{translate(language, 'error.retry')}</a>
        </p>
      </main>
    );
  }
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <LanguageProvider>
      <Failure>
        <SessionProvider fallback={null}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </Failure>
    </LanguageProvider>
  </StrictMode>,
);
