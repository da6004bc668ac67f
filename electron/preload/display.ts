// Preload of the display window: the device token this machine pairs with, and app info.
import { BRIDGE_NAMES, type DisplayBridge } from './api.js';
import { appInfo, deviceToken, expose } from './bridge.js';

const api: DisplayBridge = { deviceToken, appInfo };
expose(BRIDGE_NAMES.display, { ...api });
