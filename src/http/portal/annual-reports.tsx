// TODO(issue 6): published reports on the portal and open data.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const annualReportPortalRoutes = new Hono<AppEnv>();
