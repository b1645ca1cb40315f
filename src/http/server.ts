// What `npm start` does: parse the configuration once, open the database and bring its schema up to date, put the
// demo district into an empty database (or, in production, create the first administrator), then serve until
// SIGTERM/SIGINT, finishing the requests in flight before closing the database.
import { serve } from '@hono/node-server';
import { ensureFirstAdmin } from '../agencies/accounts.ts';
import { listAgencyRows } from '../agencies/repository.ts';
import { purgeExpiredSessions } from '../agencies/sessions.ts';
import { registerApplicationHooks } from '../applications/recompute.ts';
import { parseConfig } from '../config.ts';
import type { Context } from '../context.ts';
import { formatCredentials, isDemoDatabase, seedDemo } from '../demo/seed.ts';
import { parseMailConfig } from '../notifications/config.ts';
import { startNotificationTimers } from '../notifications/timers.ts';
import type { Database } from '../storage/db.ts';
import { openMigrated } from '../storage/migrate.ts';
import { createApp } from './app.ts';
import { parseServerConfig } from './config.ts';
import { createLogger } from './logger.ts';

/** "示例区人民政府" → "示例区人民政府信息公开"; a department → "…政府信息公开". */
async function defaultSiteName(db: Database): Promise<string> {
  const top = (await listAgencyRows(db.kysely)).find((a) => a.parentId === null);
  if (!top) return '政府信息公开';
  return top.name.endsWith('人民政府') ? `${top.name}信息公开` : `${top.name}政府信息公开`;
}

export interface Running {
  port: number;
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string | undefined>,
  argv: readonly string[],
  print: (text: string) => void,
): Promise<Running> {
  const config = parseConfig(env);
  const server = parseServerConfig(env, argv);
  const mail = parseMailConfig(env);
  const logger = createLogger(server.logLevel);
  // A calendar change recomputes every open application's deadline in the same transaction.
  registerApplicationHooks();
  const db = await openMigrated(config.database);
  const ctx: Context = { db, clock: () => new Date(), security: config.security };
  if (config.attachments) ctx.attachmentLimits = config.attachments;

  const seeded = server.demo ? await seedDemo(ctx, { catalog: true }) : null;
  if (seeded) print(formatCredentials(seeded));
  const admin = seeded ? null : await ensureFirstAdmin(ctx);
  if (admin)
    print(
      `已创建系统管理员账户（密码只显示这一次，请妥善保管；首次登录须修改密码）：\n  用户名：${admin.username}\n  密码：${admin.password}`,
    );

  const app = createApp(ctx, {
    logger,
    siteName: server.siteName ?? (await defaultSiteName(db)),
    demo: await isDemoDatabase(db),
    secureCookies: server.secureCookies,
    trustProxy: server.trustProxy,
    bodyLimitBytes: server.bodyLimitBytes,
  });

  let httpServer: ReturnType<typeof serve> | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    httpServer = serve({ fetch: app.fetch, port: server.port, hostname: server.host }, (info) => resolve(info.port));
    httpServer.once('error', reject);
  }).catch(async (e) => {
    await db.close();
    throw e;
  });
  const shown = server.host === '0.0.0.0' || server.host === '::' ? '127.0.0.1' : server.host;
  print(
    `服务已启动（数据库：${db.location}）\n  门户网站：http://${shown}:${port}/\n  工作平台：http://${shown}:${port}/console`,
  );
  logger.info({ port, engine: db.engine }, 'listening');

  // Sessions past their limits are refused anyway; this only keeps the table small.
  const housekeeping = setInterval(
    () => purgeExpiredSessions(ctx).catch((err) => logger.warn({ err }, 'session purge failed')),
    10 * 60_000,
  );
  housekeeping.unref();
  const stopNotifications = startNotificationTimers(ctx, mail, logger);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(housekeeping);
      stopNotifications();
      await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
      await db.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { port, stop };
}
