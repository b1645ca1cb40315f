// What every service function receives besides the acting user: the outside world, injected (architecture.md:
// the clock included, so "locked until 10:15" is an instant test).
import type { AttachmentLimits } from './attachments/model.ts';
import type { SecurityConfig } from './config.ts';
import type { Database } from './storage/db.ts';

export interface Context {
  db: Database;
  clock: () => Date;
  security: SecurityConfig;
  /** Upload limits (attachments/); the defaults when absent. */
  attachmentLimits?: AttachmentLimits;
}
