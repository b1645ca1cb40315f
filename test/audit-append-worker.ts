// Run as a separate process by src/audit/log.test.ts: appends N audit entries to the given database, as a second
// server process would, to show that concurrent appends do not fork the chain.
import { openDatabase } from '../src/storage/db.ts';
import { transaction } from '../src/storage/transaction.ts';

const [configJson, countText, label, startAt] = process.argv.slice(2);
const db = openDatabase(JSON.parse(configJson as string));
const ctx = { db, clock: () => new Date() };
// Start together with the other worker, whatever each one's start-up time.
await db.kysely.selectFrom('meta').selectAll().execute();
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
for (let i = 0; i < Number(countText); i++) {
  await transaction(
    ctx,
    { id: null, name: `worker-${label}` },
    { action: 'test.append', objectType: 'test', objectId: i },
    async (tx) => {
      tx.note({ after: { i } });
    },
  );
}
await db.close();
