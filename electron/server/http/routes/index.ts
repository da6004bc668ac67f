// Every route module of the hall server, registered in one place.
import type { ServerContext } from '../../context.js';
import type { Router } from '../router.js';
import { registerAdminRoutes } from './admin.js';
import { registerAuditRoutes } from './audit.js';
import { registerHallSettingsRoutes } from './hallSettings.js';
import { registerBoardRoutes } from './board.js';
import { registerCounterRoutes } from './counters.js';
import { registerFormRoutes } from './forms.js';
import { registerPageRoutes } from './pages.js';
import { registerPhoneRoutes } from './phone.js';
import { registerRatingRoutes } from './ratings.js';
import { registerPrintRoutes } from './print.js';
import { registerSecurityRoutes } from './security.js';
import { registerServiceRoutes } from './services.js';
import { registerSessionRoutes } from './session.js';
import { registerSetupRoutes } from './setup.js';
import { registerStaffSetupRoutes } from './staffSetup.js';
import { registerStatsRoutes } from './stats.js';
import { registerTicketRoutes } from './tickets.js';
import { registerTlsRoutes } from './tls.js';
import { registerTranslationRoutes } from './translations.js';
import { registerVoiceRoutes } from './voice.js';
import { registerExportRoutes } from './export.js';

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
  registerTlsRoutes(router, ctx);
  // Admin setup, statistics and audit (issue 11).
  registerSetupRoutes(router, ctx);
  registerStaffSetupRoutes(router, ctx);
  registerHallSettingsRoutes(router, ctx);
  registerStatsRoutes(router, ctx);
  registerAuditRoutes(router, ctx);
  registerPhoneRoutes(router, ctx);
  registerRatingRoutes(router, ctx);
  registerFormRoutes(router, ctx);
  registerTranslationRoutes(router, ctx);
  registerExportRoutes(router, ctx);
}
