// TODO(issue 6): the records behind each cell.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const reportCellRoutes = new Hono<AppEnv>();
