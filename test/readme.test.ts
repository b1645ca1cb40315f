// The README lists every configuration variable the code reads (issue 3 point 10): a variable added to a config
// schema without a README row fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('README', () => {
  it('documents every environment variable the server reads', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const used = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(GONGKAI_[A-Z0-9_]+|DATABASE_URL)\b/g)) {
        used.add(m[1] as string);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((v) => !readme.includes(`\`${v}\``));
    expect(missing).toEqual([]);
  });
});
