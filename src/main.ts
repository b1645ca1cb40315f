// `npm start`: the web server with the public portal (/) and the staff console (/console). Settings come from the
// environment (src/config.ts and src/http/config.ts); `npm start -- --no-demo` or GONGKAI_DEMO=0 starts without
// demo data, for production.
import { startServer } from './http/server.ts';

try {
  const running = await startServer(process.env, process.argv.slice(2), (text) => process.stdout.write(`${text}\n`));
  const shutdown = (signal: string) => {
    process.stdout.write(`收到 ${signal}，正在停止服务……\n`);
    // Requests in flight get 10 seconds to finish; then the process ends regardless.
    setTimeout(() => process.exit(1), 10_000).unref();
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (e) {
  process.stderr.write(`gongkai：服务未能启动：${(e as Error).message}\n`);
  process.exitCode = 1;
}
