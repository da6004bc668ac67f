// Entry of the /district page bundle.
import '../shared/fonts.css';
import './district.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import bo from '../../resources/locales/bo/district.json' with { type: 'json' };
import ug from '../../resources/locales/ug/district.json' with { type: 'json' };
import zh from '../../resources/locales/zh/district.json' with { type: 'json' };
import { setupI18n, type PageLanguage } from '../shared/i18n.js';
import { App } from './App.js';

const saved = localStorage.getItem('district.lang');
const lng: PageLanguage = saved === 'bo' || saved === 'ug' ? saved : 'zh';
const i18n = await setupI18n({ zh: { district: zh }, bo: { district: bo }, ug: { district: ug } }, ['district'], lng);
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
