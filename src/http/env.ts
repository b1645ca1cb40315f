// What every route can read from the request context: the service context, the settings, and — on console
// pages — the signed-in user.
import type { Authenticated } from '../agencies/sessions.ts';
import type { Context } from '../context.ts';
import type { Logger } from './logger.ts';

export interface AppSettings {
  /** Shown in every page header. */
  siteName: string;
  /** The database holds demo data: every page shows the 演示数据 banner. */
  demo: boolean;
  /** Cookies only over HTTPS (Secure, __Host- prefix); HSTS. */
  secureCookies: boolean;
  /** Take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  bodyLimitBytes: number;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    ctx: Context;
    settings: AppSettings;
    logger: Logger;
    clientAddress: string | null;
    auth: Authenticated;
  };
}
