import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../test/builders.ts';
import { schemaErrors } from '../report/schema.ts';
import { memoryIo } from './io.ts';
import { runCli } from './main.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = join(root, 'test/fixtures/seed/000_c1efcce95eb0748a.txt');
const tmp = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err, bytes: io.bytes };
}

function writeJson(name: string, value: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('gongkai report parse', () => {
  it('prints the seed as JSON valid against the schema', async () => {
    const { code, out } = await cli('report', 'parse', seed);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(schemaErrors(report)).toEqual([]);
    expect(report).toMatchObject({ year: 2024, agency: null, formatVersion: '2021' });
  });

  it('applies --year and --agency', async () => {
    const { out } = await cli('report', 'parse', seed, '--year', '2023', '--agency', '某某区某某局');
    expect(JSON.parse(out)).toMatchObject({ year: 2023, agency: '某某区某某局' });
  });

  it('exits 2 with the reason for a missing file or a file without a report', async () => {
    const missing = await cli('report', 'parse', join(tmp, 'nope.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    const prose = join(tmp, 'prose.txt');
    writeFileSync(prose, '关于召开2024年度安全生产工作会议的通知\n各单位：现将有关事项通知如下。');
    const none = await cli('report', 'parse', prose);
    expect(none.code).toBe(2);
    expect(none.err).toContain('没有找到');
  });

  it('rejects a bad --year with a usage message', async () => {
    const { code, err } = await cli('report', 'parse', seed, '--year', 'abc');
    expect(code).toBe(2);
    expect(err).toContain('--year 应为2008至2100之间的年份');
  });
});

describe('gongkai report check', () => {
  it('exits 0 on the seed with exactly the section-title warning', async () => {
    const { code, out } = await cli('report', 'check', seed, '--json');
    expect(code).toBe(0);
    const [result] = JSON.parse(out);
    expect(schemaErrors(result.report)).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        rule: 'section-title',
        severity: 'warning',
        message: '章节标题“6、 其他需要报告的事项”不规范，应为“六、其他需要报告的事项”',
        cells: [],
      },
    ]);
  });

  it('exits 1 on errors and names them; 2 when any file is unreadable', async () => {
    const bad = buildReport();
    bad.requests.totalHandled.naturalPerson += 1;
    const badFile = writeJson('bad.json', bad);
    const errors = await cli('report', 'check', badFile);
    expect(errors.code).toBe(1);
    expect(errors.out).toContain('错误 [outcome-sum]');
    const mixed = await cli('report', 'check', badFile, join(tmp, 'missing.docx'));
    expect(mixed.code).toBe(2);
    expect(mixed.out).toContain('无法读取 1 个');
  });

  it('walks folders, summarises and writes CSV', async () => {
    const dir = mkdtempSync(join(tmp, 'batch-'));
    const good = buildReport();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(good));
    const bad = buildReport();
    bad.appeals.reconsideration.total = 0;
    writeFileSync(join(dir, 'b.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'notes.log'), 'not a report');
    const csv = join(tmp, 'out.csv');
    const { code, out } = await cli('report', 'check', dir, '--csv', csv);
    expect(code).toBe(1);
    expect(out).toContain('共检查 2 个文件：无问题 1 个，仅有警告 0 个，有错误 1 个，无法读取 0 个');
    expect(out).toContain('最常见的问题：appeal-total（1）');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFfile,rule,severity,cells,message');
    expect(lines[1]).toContain(
      'b.json,appeal-total,error,appeals.reconsideration.upheld appeals.reconsideration.corrected',
    );
  });

  it('runs the cross-year rules with --previous', async () => {
    const before = buildReport({ year: 2023 });
    const now = buildReport({ year: 2024 });
    const { code, out } = await cli(
      'report',
      'check',
      writeJson('now.json', now),
      '--previous',
      writeJson('before.json', before),
      '--json',
    );
    expect(code).toBe(1);
    const rules = new Set(JSON.parse(out)[0].diagnostics.map((d: { rule: string }) => d.rule));
    expect([...rules].sort()).toEqual(['carried-over', 'in-force-continuity', 'repeated-text']);
  });
});

describe('gongkai report render', () => {
  it('renders JSON and Markdown to stdout, binary formats to -o', async () => {
    const file = writeJson('r.json', buildReport());
    const md = await cli('report', 'render', file, '--to', 'md');
    expect(md.code).toBe(0);
    expect(md.out).toContain('## 三、收到和处理政府信息公开申请情况');
    const out = join(tmp, 'r.docx');
    const docx = await cli('report', 'render', file, '--to', 'docx', '-o', out);
    expect(docx.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const wrong = await cli('report', 'render', file, '--to', 'odt');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--to 应为 html、docx、pdf、md、json、xlsx 之一');
  });
});

describe('the installed command', () => {
  it('runs as `npx gongkai` with the contract exit codes', () => {
    const ok = spawnSync('npx', ['--no-install', 'gongkai', 'report', 'check', seed], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('警告 [section-title]');
    const parsed = execFileSync(join(root, 'bin/gongkai.js'), ['report', 'parse', seed], { encoding: 'utf8' });
    expect(JSON.parse(parsed).year).toBe(2024);
  });
});
