// Data safety (issue 7 point 5): `gongkai backup` of the SQLite database while citizens keep submitting
// applications, then `gongkai restore` of that backup into a new database file. The restored database must be one
// consistent moment of the live one: an intact Gongkai file with every migration, an audit chain that verifies,
// every application that had its receipt before the backup began, and no application half-written (each one whole:
// fields, attachment, audit entry, notices, counter). PostgreSQL is backed up with pg_dump (`gongkai backup` prints
// how), so this test is SQLite's alone.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/verify.ts';
import { KNOWN_MIGRATIONS, migrationStatus } from '../src/storage/migrate.ts';
import { checkGongkaiFile } from '../src/storage/sqlite/backup.ts';
import { checkIntegrity } from './load-integrity.ts';
import { type Acknowledged, openApplyForm, submitMany } from './portal-load.ts';
import {
  createServerDatabase,
  runGongkai,
  type ServerDatabase,
  type ServerProcess,
  startServerProcess,
} from './server-process.ts';

/** At most; the load stops AFTER_BACKUP receipts after the backup has finished. */
const SUBMISSIONS = 1000;
const CONCURRENCY = 6;
/** The backup starts once this many receipts were given; the load goes on while it works, and after. */
const BACKUP_AFTER = 40;
const AFTER_BACKUP = 20;

describe('backup and restore under load [sqlite]', () => {
  let live: ServerDatabase | undefined;
  let restored: ServerDatabase | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    await live?.dispose();
    await restored?.dispose();
  });

  it('restores a backup taken during submissions to a consistent, complete database', async () => {
    live = await createServerDatabase('sqlite', { label: 'gk_backup_live' });
    restored = await createServerDatabase('sqlite', { label: 'gk_backup_restored' });
    const backupFile = join(restored.url, '..', 'backup.db');
    server = await startServerProcess({ DATABASE_URL: live.url, GONGKAI_TRUST_PROXY: '1' });
    const session = await openApplyForm(server.origin);

    // Receipts as they arrive; the backup starts at the BACKUP_AFTER-th while the other citizens keep submitting.
    const acks: Acknowledged[] = [];
    let before: Acknowledged[] = [];
    let acksAtEnd: number | undefined;
    let backup: ReturnType<typeof runGongkai> | undefined;
    const run = 'backup';
    const result = await submitMany(session, SUBMISSIONS, CONCURRENCY, run, (ack) => {
      acks.push(ack);
      if (acks.length === BACKUP_AFTER) {
        before = [...acks];
        backup = runGongkai(['backup', backupFile], { DATABASE_URL: live?.url as string }).then((r) => {
          acksAtEnd = acks.length;
          return r;
        });
      }
      return acksAtEnd === undefined || acks.length < acksAtEnd + AFTER_BACKUP;
    });
    const made = await backup;
    expect(made, 'the backup never started').toBeDefined();
    expect(made?.stderr).toBe('');
    expect(made?.stdout).toContain('已备份');
    expect(made?.code).toBe(0);
    expect(result.failures).toEqual([]);
    await server.stop();
    server = undefined;

    // The backup is an intact Gongkai file with every migration, before anything touches it.
    expect(checkGongkaiFile(backupFile).migrations).toEqual([...KNOWN_MIGRATIONS].sort());
    const restore = await runGongkai(['restore', backupFile], { DATABASE_URL: restored.url });
    expect(restore.stdout).toContain('审计链完整');
    expect(restore.code).toBe(0);

    const db = restored.open();
    const liveDb = live.open();
    try {
      const migrations = await migrationStatus(db);
      expect(migrations.filter((m) => m.appliedAt === null)).toEqual([]);
      expect(migrations.map((m) => m.name)).toEqual([...KNOWN_MIGRATIONS]);
      const chain = await verifyChain(db);
      expect(chain.problems).toEqual([]);
      const actions = await db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'database')
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['database.backup', 'database.restore']);

      const inBackup = await checkIntegrity(db, result.sent, before, run);
      expect(inBackup.problems).toEqual([]);
      expect(inBackup.acknowledgedIntact).toBe(before.length);
      // The live database kept everything, the backup's applications included.
      const inLive = await checkIntegrity(liveDb, result.sent, result.acknowledged, run);
      expect(inLive.problems).toEqual([]);
      expect(inLive.found).toBe(result.sent.length);
      // Two processes appended to the one chain at once (the server's submissions, the command's backup entry).
      expect((await verifyChain(liveDb)).problems).toEqual([]);
      // Taken while submissions went on: it holds more than the receipts before it began, and fewer than all.
      expect(inBackup.found).toBeGreaterThanOrEqual(before.length);
      expect(inBackup.found).toBeLessThan(inLive.found);
      const trackingNos = async (d: typeof db) =>
        (await d.kysely.selectFrom('applications').select('tracking_no').orderBy('id').execute()).map(
          (r) => r.tracking_no,
        );
      const restoredList = await trackingNos(db);
      expect((await trackingNos(liveDb)).slice(0, restoredList.length)).toEqual(restoredList);
      console.log(
        `backup under load (sqlite): ${result.sent.length} submitted, ${before.length} acknowledged before the backup ` +
          `began, ${(acksAtEnd ?? 0) - before.length} more while \`gongkai backup\` ran; the restored copy holds ` +
          `${inBackup.found} of them, ` +
          `all whole; migrations current; audit chain verified (${chain.count} entries)`,
      );
    } finally {
      await db.close();
      await liveDb.close();
    }
  }, 120_000);
});
