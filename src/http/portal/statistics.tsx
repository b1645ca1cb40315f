// TODO(issue 6): statistics charts (portal).
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const statisticsRoutes = new Hono<AppEnv>();
