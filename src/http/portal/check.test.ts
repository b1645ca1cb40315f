// 年报检查 in the portal: upload or paste a report, see the findings and the flagged cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../test/builders.ts';
import { forEachEngine } from '../../../test/engines.ts';
import { Client, testApp } from '../testing.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url));

async function submit(client: Client, fields: Record<string, string | Blob>, file?: [string, Uint8Array]) {
  const form = new FormData();
  form.set('_csrf', await client.csrf('/reports/check'));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([file[1]]), file[0]);
  return client.request('/reports/check', { method: 'POST', body: form });
}

describe('年报检查', () => {
  forEachEngine((_engine, getDb) => {
    it('checks an uploaded PDF and marks the cells a rule names', async () => {
      const client = new Client(testApp(getDb()).app);
      const res = await submit(client, {}, ['hongze.pdf', fixture('reports/10_hongze_district_2023.pdf')]);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('洪泽区人民政府 2023年度报告（2021年版格式）');
      expect(page).toContain('共发现 2 个错误、1 个警告');
      expect(page).toContain('行政复议·总计为0，但结果维持、结果纠正、其他结果、尚未审结之和为11（10+1+0+0）');
      expect(page).toMatch(/<td data-cell="appeals\.reconsideration\.total" class="flag-error">0<\/td>/);
      expect(page).toMatch(/<td data-cell="appeals\.reconsideration\.upheld" class="flag-error">10<\/td>/);
      expect(page).not.toMatch(/<script|<style| style=/); // the CSP forbids them
    });

    it('checks pasted text, with the year given by hand', async () => {
      const client = new Client(testApp(getDb()).app);
      const text = fixture('seed/000_c1efcce95eb0748a.txt').toString('utf8');
      const page = await (await submit(client, { text, year: '2024' })).text();
      expect(page).toContain('共发现 0 个错误、1 个警告');
      expect(page).toContain('章节标题“6、 其他需要报告的事项”不规范，应为“六、其他需要报告的事项”');
    });

    it('runs the cross-year rules with last year’s report', async () => {
      const client = new Client(testApp(getDb()).app);
      const now = new TextEncoder().encode(JSON.stringify(buildReport({ year: 2024 })));
      const before = new Blob([JSON.stringify(buildReport({ year: 2023 }))]);
      const form = { previous: new File([before], 'before.json') };
      const page = await (await submit(client, form, ['now.json', now])).text();
      expect(page).toContain('［carried-over］');
      expect(page).toMatch(/data-cell="requests\.carriedOver\.naturalPerson" class="flag-error"/);
    });

    it('explains what it cannot read, keeping what was typed', async () => {
      const client = new Client(testApp(getDb()).app);
      const template = fixture('reports/template-2021-blank.docx');
      const res = await submit(client, { agency: '某某局' }, ['template.docx', template]);
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain('无法读取：无法确定报告年度');
      expect(page).toContain('value="某某局"');
      const empty = await submit(client, {});
      expect(await empty.text()).toContain('请选择报告文件，或粘贴报告全文');
      const badYear = await submit(client, { text: 'x', year: '24' });
      expect(await badYear.text()).toContain('报告年度：应为2008至2100之间的四位年份');
    });

    it('accepts uploads larger than the form limit, up to its own', async () => {
      const client = new Client(testApp(getDb(), { bodyLimitBytes: 64 * 1024 }).app);
      const big = new TextEncoder().encode('政府信息公开工作。\n'.repeat(100_000)); // ~2.7 MB of prose
      const res = await submit(client, {}, ['big.txt', big]);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('无法读取：文件中没有找到');
      const login = await client.post('/console/login', { _csrf: 'x', username: 'a'.repeat(70 * 1024) });
      expect(login.status).toBe(413);
    });

    it('refuses a form without the CSRF token', async () => {
      const { app } = testApp(getDb());
      const form = new FormData();
      form.set('text', 'x');
      expect((await app.request('/reports/check', { method: 'POST', body: form })).status).toBe(403);
    });
  });
});
