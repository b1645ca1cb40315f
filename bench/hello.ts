// The bare Hono "hello" the load bench measures beside the real server (bench/load.ts): the same runtime, the same
// @hono/node-server adapter, started the same way (`node --import tsx`) in a process of its own, so the ratio shows
// what the application's own work costs on this machine. Prints the address it listens on.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('hello'));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening http://127.0.0.1:${info.port}\n`);
});
