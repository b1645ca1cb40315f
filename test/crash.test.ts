// Crash safety (issue 7 point 2): citizens submit applications through the portal form at once; the server process
// is killed with SIGKILL while submissions are in flight — no shutdown handler, nothing flushed — then started again
// on the same database. Every application that got a receipt (a 查询号 and 查询码 shown to the citizen) must be
// there with exactly what was sent and its attachment, and nothing may be half-written: each stored application
// is whole (fields, attachment, audit entry, notices, counter), whether or not its reply got out before the kill.
// The audit chain must still verify (`gongkai audit verify`, point 5). Runs on every engine of GONGKAI_TEST_ENGINES.
import { afterAll, describe, expect, it } from 'vitest';
import { testEngines, testPostgresUrl } from './engines.ts';
import { checkIntegrity } from './load-integrity.ts';
import { citizenAddress, openApplyForm, submitMany } from './portal-load.ts';
import {
  createServerDatabase,
  runGongkai,
  type ServerDatabase,
  type ServerProcess,
  startServerProcess,
} from './server-process.ts';

const SUBMISSIONS = 300;
const CONCURRENCY = 12;
/** Kill once this many receipts were given: the others are then in flight or not yet sent. */
const KILL_AFTER = 100;

for (const engine of testEngines()) {
  describe(`crash safety [${engine}]`, () => {
    let database: ServerDatabase | undefined;
    let server: ServerProcess | undefined;
    afterAll(async () => {
      await server?.stop();
      await database?.dispose();
    });

    it('keeps every acknowledged application whole after SIGKILL mid-load, and the audit chain verifies', async () => {
      database = await createServerDatabase(engine, { postgresUrl: testPostgresUrl(), label: 'gk_crash' });
      const env = { DATABASE_URL: database.url, GONGKAI_TRUST_PROXY: '1' };
      server = await startServerProcess(env);
      const first = server;
      const session = await openApplyForm(first.origin);

      let killed: Promise<void> | undefined;
      const run = `crash-${engine}`;
      const { sent, acknowledged, failures } = await submitMany(session, SUBMISSIONS, CONCURRENCY, run, (_a, n) => {
        if (n < KILL_AFTER) return true;
        killed ??= first.kill();
        return false;
      });
      await killed;
      expect(killed, `fewer than ${KILL_AFTER} receipts: ${failures.slice(0, 3).join('; ')}`).toBeDefined();
      // Killed mid-load: submissions were in flight. Before the kill nothing failed: every failure is one it cut off.
      expect(sent.length).toBeGreaterThan(acknowledged.length);
      for (const f of failures) expect(f).toMatch(/connection|cut off/);

      server = await startServerProcess(env);
      const db = database.open();
      try {
        const report = await checkIntegrity(db, sent, acknowledged, run);
        expect(report.problems).toEqual([]);
        expect(report.acknowledgedIntact).toBe(acknowledged.length);
        // Replies lost in the kill may belong to applications that were committed; none may exceed what was sent.
        expect(report.found).toBeGreaterThanOrEqual(acknowledged.length);
        expect(report.found).toBeLessThanOrEqual(sent.length);

        // The restarted server answers the citizens: each looks the case up with the codes of the receipt.
        const restarted = await openApplyForm(server.origin, false);
        for (const [k, a] of acknowledged.filter((_, i) => i % 25 === 0).entries()) {
          const res = await fetch(`${server.origin}/apply/status`, {
            method: 'POST',
            body: new URLSearchParams({ _csrf: restarted.csrf, trackingNo: a.trackingNo, queryCode: a.queryCode }),
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              cookie: restarted.cookie,
              origin: server.origin,
              'x-forwarded-for': citizenAddress(10_000 + k),
            },
          });
          expect(res.status).toBe(200);
          expect(await res.text()).toContain(a.trackingNo);
        }

        const verify = await runGongkai(['audit', 'verify'], { DATABASE_URL: database.url });
        expect(verify.stderr).toBe('');
        expect(verify.stdout).toContain('审计链完整');
        expect(verify.code).toBe(0);

        console.log(
          `crash test (${engine}): submitted ${sent.length}, acknowledged ${acknowledged.length}, ` +
            `found ${report.acknowledgedIntact} after SIGKILL, 0 half-written ` +
            `(${report.found - acknowledged.length} more committed whose reply the kill cut off)`,
        );
      } finally {
        await db.close();
      }
    }, 120_000);
  });
}
