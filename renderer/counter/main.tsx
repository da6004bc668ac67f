// The counter console (staff): /counter. Chinese by default, switchable to Tibetan and Uyghur.
import '../shared/fonts.css';
import './counter.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setupI18n } from '../shared/i18n.js';
import zh from '../../resources/locales/zh/counter.json' with { type: 'json' };
import bo from '../../resources/locales/bo/counter.json' with { type: 'json' };
import ug from '../../resources/locales/ug/counter.json' with { type: 'json' };
import formsZh from '../../resources/locales/zh/forms.json' with { type: 'json' };
import formsBo from '../../resources/locales/bo/forms.json' with { type: 'json' };
import formsUg from '../../resources/locales/ug/forms.json' with { type: 'json' };
import { CounterApp } from './CounterApp.js';
import { loadUiLanguage } from './session.js';

const i18n = await setupI18n(
  { zh: { counter: zh, forms: formsZh }, bo: { counter: bo, forms: formsBo }, ug: { counter: ug, forms: formsUg } },
  ['counter', 'forms'],
  loadUiLanguage(),
);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <CounterApp />
    </I18nextProvider>,
  );
}
