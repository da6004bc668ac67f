// The hall display (TV): paired once with /display#token=<display device token>.
import '../shared/fonts.css';
import './display.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { readDeviceToken } from '../shared/deviceToken.js';
import { setupI18n } from '../shared/i18n.js';
import zh from '../../resources/locales/zh/display.json' with { type: 'json' };
import bo from '../../resources/locales/bo/display.json' with { type: 'json' };
import ug from '../../resources/locales/ug/display.json' with { type: 'json' };
import { DisplayApp } from './DisplayApp.js';

export const DISPLAY_TOKEN_KEY = 'hall.display.token';

const i18n = await setupI18n({ zh: { display: zh }, bo: { display: bo }, ug: { display: ug } }, ['display'], 'zh');
const token = await readDeviceToken(DISPLAY_TOKEN_KEY);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <DisplayApp token={token} />
    </I18nextProvider>,
  );
}
