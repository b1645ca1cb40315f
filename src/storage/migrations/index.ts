// Every migration, in order. Names sort by their number; never rename or edit one that has shipped.
import type { Kysely } from 'kysely';
import type { EngineTraits } from '../db.ts';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_calendar.ts';
import * as m0003 from './0003_applications.ts';
import * as m0004 from './0004_letters.ts';
import * as m0005 from './0005_decision_review.ts';
import * as m0006 from './0006_attachments.ts';
import * as m0007 from './0007_notifications.ts';
import * as m0008 from './0008_catalog.ts';
import * as m0009 from './0009_catalog_search.ts';
import * as m0010 from './0010_feedback.ts';
import * as m0011 from './0011_appeals.ts';
import * as m0012 from './0012_yearly_figures.ts';
import * as m0013 from './0013_annual_reports.ts';
import * as m0014 from './0014_redactions.ts';
import * as m0015 from './0015_personal_data_reviews.ts';

export interface GongkaiMigration {
  // biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema type (Kysely's advice).
  up(db: Kysely<any>, traits: EngineTraits): Promise<void>;
}

export const MIGRATIONS: Record<string, GongkaiMigration> = {
  '0001_foundation': m0001,
  '0002_calendar': m0002,
  '0003_applications': m0003,
  '0004_letters': m0004,
  '0005_decision_review': m0005,
  '0006_attachments': m0006,
  '0007_notifications': m0007,
  '0008_catalog': m0008,
  '0009_catalog_search': m0009,
  '0010_feedback': m0010,
  '0011_appeals': m0011,
  '0012_yearly_figures': m0012,
  '0013_annual_reports': m0013,
  '0014_redactions': m0014,
  '0015_personal_data_reviews': m0015,
};
