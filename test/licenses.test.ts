// Every runtime dependency must be compatible with MulanPSL-2.0: permissive licences only, no GPL/AGPL.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const PERMISSIVE =
  /^(MIT|MIT-0|ISC|BSD-2-Clause|BSD-3-Clause|Apache-2\.0|0BSD|BlueOak-1\.0\.0|Unlicense|CC0-1\.0|Python-2\.0|MulanPSL-2\.0|Zlib|CC-BY-4\.0|WTFPL)$/;

// Reviewed by hand: old packages whose package.json states the licence loosely or not at all.
const REVIEWED: Record<string, string> = {
  // exceljs › unzipper › binary: James Halliday's MIT/X11 packages; Debian ships buffers in main as MIT/X11.
  'buffers@0.1.1': 'MIT',
  'chainsaw@0.1.0': 'MIT',
  // mammoth › lop: "BSD" in package.json, the 2-clause text in its LICENSE file.
  'duck@0.1.12': 'BSD-2-Clause',
};

function acceptable(expression: string): boolean {
  // "(MIT OR GPL-3.0-or-later)": one permissive choice is enough; "A AND B": all must be.
  const inner = expression.replace(/^\(|\)$/g, '');
  if (/ OR /.test(inner)) return inner.split(/ OR /).some((x) => acceptable(x.trim()));
  if (/ AND /.test(inner)) return inner.split(/ AND /).every((x) => acceptable(x.trim()));
  return PERMISSIVE.test(inner);
}

it('uses only MulanPSL-compatible runtime dependencies', () => {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' });
  const dirs = out.split('\n').filter((d) => d.includes('node_modules'));
  expect(dirs.length).toBeGreaterThan(10);
  const bad: string[] = [];
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const license =
      typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? pkg.licenses?.[0]?.type ?? '');
    if (!acceptable(REVIEWED[`${pkg.name}@${pkg.version}`] ?? license))
      bad.push(`${pkg.name}@${pkg.version}: ${license || '(none)'}`);
  }
  expect(bad).toEqual([]);
});

/** Whether a package's `engines.node` admits Node 20 (the project's runtime): some alternative's lower bound is ≤ 20. */
function admitsNode20(range: string): boolean {
  return range.split('||').some((alternative) => {
    const floor = /(?:>=?|\^|~)?\s*v?(\d+)/.exec(alternative.trim());
    return !floor || Number(floor[1]) <= 20;
  });
}

it('recognises a Node-22-only engines range', () => {
  expect(admitsNode20('>=22.12.0')).toBe(false);
  expect(admitsNode20('^20.19.0 || >=22')).toBe(true);
  expect(admitsNode20('>=14')).toBe(true);
  expect(admitsNode20('*')).toBe(true);
});

it('uses only runtime dependencies that declare support for Node 20', () => {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' });
  const bad: string[] = [];
  for (const dir of out.split('\n').filter((d) => d.includes('node_modules'))) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const range = pkg.engines?.node;
    if (typeof range === 'string' && !admitsNode20(range)) bad.push(`${pkg.name}@${pkg.version}: node ${range}`);
  }
  expect(bad).toEqual([]);
});
