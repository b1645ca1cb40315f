// TODO(issue 6): the report's console page, editor and workflow.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const consoleReportRoutes = new Hono<AppEnv>();
