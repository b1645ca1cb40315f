// TODO(issue 6): annual reports through the API.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const annualReportApiRoutes = new Hono<AppEnv>();
