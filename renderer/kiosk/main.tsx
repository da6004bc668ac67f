// Entry of the /kiosk page bundle: the resident's touch flow (or, with ?view=keyboards, the
// on-screen keyboard try-out page). All strings come from resources/locales/*/kiosk.json.
import '../shared/fonts.css';
import './kiosk.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import bo from '../../resources/locales/bo/kiosk.json' with { type: 'json' };
import ug from '../../resources/locales/ug/kiosk.json' with { type: 'json' };
import zh from '../../resources/locales/zh/kiosk.json' with { type: 'json' };
import formsBo from '../../resources/locales/bo/forms.json' with { type: 'json' };
import formsUg from '../../resources/locales/ug/forms.json' with { type: 'json' };
import formsZh from '../../resources/locales/zh/forms.json' with { type: 'json' };
import { setupI18n } from '../shared/i18n.js';
import { App } from './App.js';
import { CrashGuard } from './components/CrashGuard.js';
import { readKioskConfig } from './config.js';

const i18n = await setupI18n(
  { zh: { kiosk: zh, forms: formsZh }, bo: { kiosk: bo, forms: formsBo }, ug: { kiosk: ug, forms: formsUg } },
  ['kiosk', 'forms'],
  'zh',
);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <CrashGuard>
          <App config={readKioskConfig(location.search)} />
        </CrashGuard>
      </I18nextProvider>
    </StrictMode>,
  );
}
