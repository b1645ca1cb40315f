// /static/: the few files the pages use, read once at start and served with their type (never sniffed).
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };
const FILES = ['site.css', 'apply.js', 'redaction.js'];

const loaded = new Map(
  FILES.map((name) => {
    const body = readFileSync(new URL(`./static/${name}`, import.meta.url));
    return [name, { body, type: TYPES[name.split('.').pop() as string] as string }];
  }),
);

export const staticRoutes = new Hono<AppEnv>().get('/static/:name', (c) => {
  const file = loaded.get(c.req.param('name'));
  if (!file) return c.notFound();
  return c.body(new Uint8Array(file.body), 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=3600' });
});
