// Preload of the kiosk window: the device token this machine pairs with, and app info.
import { BRIDGE_NAMES, type KioskBridge } from './api.js';
import { appInfo, deviceToken, expose } from './bridge.js';

const api: KioskBridge = { deviceToken, appInfo };
expose(BRIDGE_NAMES.kiosk, { ...api });
