// Run as a separate process by src/notifications/outbox.test.ts: a second (third …) server process's sender loop
// on the same database, printing each recipient it "sends" to, one a line, so the test can show each is sent once.
import { sendDue } from '../src/notifications/sender.ts';
import { openDatabase } from '../src/storage/db.ts';

const [configJson, startAt] = process.argv.slice(2);
const db = openDatabase(JSON.parse(configJson as string));
await db.kysely.selectFrom('meta').selectAll().execute();
// Start together with the other worker, whatever each one's start-up time.
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
const mailer = {
  send: async (mail: { to: string }) => {
    await new Promise((r) => setTimeout(r, 2));
    process.stdout.write(`${mail.to}\n`);
  },
};
for (;;) {
  const r = await sendDue({ db, clock: () => new Date(), mailer, maxAttempts: 3, batch: 5 });
  if (r.sent + r.failed === 0) break;
}
await db.close();
