// Start the real server as `npm start` does (npx tsx src/main.ts) on a free port, read what it prints — the
// addresses and, in demo mode, the credentials shown once — and stop it with SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string;
  /** username → password, from the demo banner printed at start. */
  credentials: Map<string, string>;
  output(): string;
  /** SIGTERM to the process group; resolves once every process has closed its output. */
  stop(): Promise<void>;
}

export function parseCredentials(stdout: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of stdout.matchAll(/^ {2}([a-z][\w.-]+) +.*密码：(\S+)$/gm)) found.set(m[1] as string, m[2] as string);
  return found;
}

/**
 * Collects what a server child prints and waits for the line with its console address. `origin` rejects (with the
 * output) when the child exits first or does not listen within `timeoutMs`; `exited` resolves with its exit code
 * once every process has let go of the pipes, so the output is then complete.
 */
export function watchServer(child: ChildProcess, timeoutMs: number) {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const origin = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}\n${err}`)), timeoutMs);
    const check = () => {
      const m = /工作平台：(http:\/\/[\d.]+:\d+)\/console/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? child.signalCode}) before listening:\n${out}\n${err}`));
    });
  });
  return { origin, exited, output: () => out + err, stdout: () => out };
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const child: ChildProcess = spawn('npx', ['tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', GONGKAI_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: stop() signals npx, tsx and node together, and nothing else.
    detached: true,
  });
  const watched = watchServer(child, timeoutMs);
  // 'close': every process of the group (npx, tsx, node) has let go of the pipes, so the output is complete.
  const { exited } = watched;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await exited;
  };
  const origin = await watched.origin.catch(async (e) => {
    await stop();
    throw e;
  });
  return { origin, credentials: parseCredentials(watched.stdout()), output: watched.output, stop };
}

/** A tiny cookie-keeping HTTP client for tests that need no browser. */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async csrf(url: string): Promise<string> {
    const html = await (await this.request(url)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m?.[1]) throw new Error(`no CSRF token at ${url}`);
    return m[1];
  }

  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin },
    });
  }
}
