// Preload of the counter window: staff log in through the page itself, so only app info.
import { BRIDGE_NAMES, type StaffBridge } from './api.js';
import { appInfo, expose } from './bridge.js';

const api: StaffBridge = { appInfo };
expose(BRIDGE_NAMES.counter, { ...api });
