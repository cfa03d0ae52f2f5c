import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AuthProvider } from './app/auth';
import { I18nProvider } from './app/i18n';
import './app/styles.css';
// The batch pages' few rules travel inline with the shell's (web/vite.config.ts): a phone opens those pages cold, and a
// style sheet of their own was one more request before they could show.
import './domains/trace/trace.css';
import './shared/shared.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AuthProvider>
        <App />
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
