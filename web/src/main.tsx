import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountProvider } from './account.js';
import { App } from './app.js';
import { LangProvider } from './i18n/lang.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <LangProvider>
      <AccountProvider>
        <App />
      </AccountProvider>
    </LangProvider>
  </StrictMode>,
);
