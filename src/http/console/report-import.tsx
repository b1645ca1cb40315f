// TODO(issue 6): import of a pre-system report.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const reportImportRoutes = new Hono<AppEnv>();
