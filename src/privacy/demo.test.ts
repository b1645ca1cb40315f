// The demo district (`npm start`'s data, seeded through the same services) publishes no personal data that nobody
// has accounted for: every published catalogue item (fields and files as the portal shows them), every public
// feedback answer and every published annual report's texts are scanned, and each hit must carry the publisher's
// reason. The seed publishes through the guard; this scans what is public independently of it.
import { describe, expect, it } from 'vitest';
import { createTestDatabase, forEachEngine } from '../../test/engines.ts';
import { findReportById } from '../annual/repository.ts';
import { DEFAULT_SECURITY } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { publicAnswer } from '../feedback/model.ts';
import { findMessage } from '../feedback/repository.ts';
import { listAcknowledgements } from './repository.ts';
import { describeHit, outstanding, reviewHits } from './review.ts';
import { annualReportHits, feedbackAnswerHits, publishedItemReview } from './service.ts';

const security = { ...DEFAULT_SECURITY, argon2MemoryKib: 8192, argon2TimeCost: 1 };

forEachEngine((engine) => {
  describe('the demo district', () => {
    it('publishes no personal data without a recorded reason', async () => {
      const test = await createTestDatabase(engine);
      try {
        const ctx = { db: test.db, clock: () => new Date('2026-11-20T02:00:00Z'), security };
        await seedDemo(ctx, { catalog: true });
        const items = await test.db.kysely
          .selectFrom('catalog_items')
          .select('id')
          .where('status', '=', 'published')
          .execute();
        expect(items.length).toBeGreaterThanOrEqual(28);
        const waiting: string[] = [];
        for (const { id } of items) {
          const review = await publishedItemReview(test.db.kysely, Number(id));
          waiting.push(...outstanding(review).map((h) => `信息${id}：${describeHit(h)}`));
        }
        const answers = await test.db.kysely
          .selectFrom('feedback_messages')
          .select('id')
          .where('answer_mode', '=', 'public')
          .execute();
        for (const { id } of answers) {
          const m = await findMessage(test.db.kysely, Number(id));
          if (!m) continue;
          const shown = publicAnswer(m, {
            answer: m.answer ?? '',
            publicSubject: m.publicSubject,
            publicContent: m.publicContent,
          });
          const hits = await feedbackAnswerHits(test.db.kysely, m.id, shown);
          const review = reviewHits(hits, await listAcknowledgements(test.db.kysely, 'feedback', m.id));
          waiting.push(...outstanding(review).map((h) => `留言${id}：${describeHit(h)}`));
        }
        const reports = await test.db.kysely
          .selectFrom('annual_reports')
          .select('id')
          .where('status', '=', 'published')
          .execute();
        expect(reports.length).toBeGreaterThan(0);
        for (const { id } of reports) {
          const record = await findReportById(test.db.kysely, Number(id));
          if (!record) continue;
          const review = reviewHits(
            await annualReportHits(test.db.kysely, record),
            await listAcknowledgements(test.db.kysely, 'annualReport', record.id),
          );
          waiting.push(...outstanding(review).map((h) => `年度报告${record.year}：${describeHit(h)}`));
        }
        expect(waiting).toEqual([]);
        // The scan did look: the demo's files were read (an unreadable one would be a hit waiting above).
        // Files were among what was scanned, and read: one the scanner cannot read is itself a hit waiting above.
        const pdfs = await test.db.kysely
          .selectFrom('catalog_attachments')
          .select('id')
          .where('media_type', '=', 'application/pdf')
          .execute();
        expect(pdfs.length).toBeGreaterThan(0);
      } finally {
        await test.dispose();
      }
    }, 180_000);
  });
});
