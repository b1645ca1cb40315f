// /healthz: the process answers. /readyz: the database answers and its schema is current — what a load
// balancer asks before sending traffic to this process.
import { Hono } from 'hono';
import { sql } from 'kysely';
import { migrationStatus } from '../storage/migrate.ts';
import type { AppEnv } from './env.ts';

export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/readyz', async (c) => {
    const { db } = c.get('ctx');
    try {
      await sql`select 1`.execute(db.kysely);
    } catch {
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
    const pending = (await migrationStatus(db)).filter((m) => m.appliedAt === null).map((m) => m.name);
    if (pending.length > 0) return c.json({ status: 'unavailable', database: 'ok', pendingMigrations: pending }, 503);
    return c.json({ status: 'ok', database: 'ok', migrations: 'current' });
  });
