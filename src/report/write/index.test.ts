import { describe, expect, it } from 'vitest';
import { FORMAT_EXTENSIONS, FORMAT_MEDIA_TYPES, OUTPUT_FORMATS, type OutputFormat, renderReport } from './index.ts';
import { distinctReport } from './samples.ts';

describe('renderReport', () => {
  it('names an extension and a media type for every format', () => {
    expect(OUTPUT_FORMATS).toEqual(['html', 'docx', 'pdf', 'md', 'json', 'xlsx']);
    expect(FORMAT_EXTENSIONS).toEqual({
      html: '.html',
      docx: '.docx',
      pdf: '.pdf',
      md: '.md',
      json: '.json',
      xlsx: '.xlsx',
    });
    for (const f of OUTPUT_FORMATS) expect(FORMAT_MEDIA_TYPES[f]).toBeTruthy();
  });

  it('returns text for html, md and json, and a zip for docx and xlsx', async () => {
    const report = distinctReport();
    for (const f of ['html', 'md', 'json'] as const) expect(typeof (await renderReport(report, f))).toBe('string');
    for (const f of ['docx', 'xlsx'] as const) {
      const out = await renderReport(report, f);
      expect(out).toBeInstanceOf(Uint8Array);
      expect([...(out as Uint8Array).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    }
  });

  it('rejects an unknown format in Chinese', async () => {
    await expect(renderReport(distinctReport(), 'rtf' as OutputFormat)).rejects.toThrow('不支持的输出格式：rtf');
  });
});
