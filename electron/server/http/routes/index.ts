// Every route module of the hall server, registered in one place.
import type { ServerContext } from '../../context.js';
import type { Router } from '../router.js';
import { registerAdminRoutes } from './admin.js';
import { registerBoardRoutes } from './board.js';
import { registerCounterRoutes } from './counters.js';
import { registerPageRoutes } from './pages.js';
import { registerPrintRoutes } from './print.js';
import { registerSecurityRoutes } from './security.js';
import { registerServiceRoutes } from './services.js';
import { registerSessionRoutes } from './session.js';
import { registerTicketRoutes } from './tickets.js';
import { registerTranslationRoutes } from './translations.js';
import { registerVoiceRoutes } from './voice.js';

export interface StaticDirs {
  assets: string;
  fonts: string;
}

export function registerRoutes(router: Router, ctx: ServerContext, dirs: StaticDirs): void {
  registerPageRoutes(router, dirs);
  registerSessionRoutes(router, ctx);
  registerAdminRoutes(router, ctx);
  registerServiceRoutes(router, ctx);
  registerTicketRoutes(router, ctx);
  registerPrintRoutes(router, ctx);
  registerCounterRoutes(router, ctx);
  registerBoardRoutes(router, ctx);
  registerVoiceRoutes(router, ctx);
  registerSecurityRoutes(router, ctx);
  registerTranslationRoutes(router, ctx);
}
