// TODO(issue 6): statistics charts (console).
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const statisticsConsoleRoutes = new Hono<AppEnv>();
