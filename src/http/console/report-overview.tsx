// TODO(issue 6): consolidation matrix and summed tables.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const reportOverviewRoutes = new Hono<AppEnv>();
