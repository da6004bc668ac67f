// Entry of the /admin page bundle.
import '../shared/fonts.css';
import './admin.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import bo from '../../resources/locales/bo/admin.json' with { type: 'json' };
import ug from '../../resources/locales/ug/admin.json' with { type: 'json' };
import zh from '../../resources/locales/zh/admin.json' with { type: 'json' };
import { setupI18n } from '../shared/i18n.js';
import { App } from './App.js';
import { loadLang } from './session.js';

const i18n = await setupI18n({ zh: { admin: zh }, bo: { admin: bo }, ug: { admin: ug } }, ['admin'], loadLang());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}
