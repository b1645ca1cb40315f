// Yearly figures not kept as records (issue 6 point 2; report table 二 第二十条第（五）（六）（八）项): an agency's
// 行政许可, 行政处罚 and 行政强制 decision counts and its 行政事业性收费 for a year, entered in the console or imported,
// with who entered them, when, and where they came from. The fee is kept exactly, as an integer count of
// hundredths of 万元 (18651.06 → 1865106), never as a float. One row per agency and year; a correction replaces it.
import { type Kysely, sql } from 'kysely';
import type { EngineTraits } from '../db.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
export async function up(db: Kysely<any>, _traits: EngineTraits): Promise<void> {
  await db.schema
    .createTable('yearly_figures')
    .addColumn('agency_id', 'bigint', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('licensing', 'integer', (c) => c.notNull())
    .addColumn('punishment', 'integer', (c) => c.notNull())
    .addColumn('coercion', 'integer', (c) => c.notNull())
    /** 行政事业性收费 in hundredths of 万元 (18651.06 万元 → 1865106). */
    .addColumn('fees_cents_wan', 'bigint', (c) => c.notNull())
    /** Where the figures come from, e.g. “本机关行政审批系统导出”. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_by_id', 'bigint', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('yearly_figures_pk', ['agency_id', 'year'])
    .addCheckConstraint(
      'yearly_figures_nonnegative',
      sql`licensing >= 0 and punishment >= 0 and coercion >= 0 and fees_cents_wan >= 0`,
    )
    .execute();
}
