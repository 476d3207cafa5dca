import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n/index.ts';
import { AppRouter } from './app/router.tsx';
import { SessionProvider } from './app/session.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <AppRouter />
    </SessionProvider>
  </StrictMode>,
);
