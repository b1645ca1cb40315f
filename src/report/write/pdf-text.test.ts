import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixCMap, fixPdfTextLayer, unifiedIdeograph } from './pdf-text.ts';

const CMAP = (body: string) => `/CIDInit /ProcSet findresource begin\nbegincmap\n${body}\nendcmap\nend\n`;

describe('unifiedIdeograph', () => {
  it('maps Kangxi radicals by NFKC and CJK supplement radicals by the font table', () => {
    expect(String.fromCodePoint(unifiedIdeograph(0x2f00))).toBe('一');
    expect(String.fromCodePoint(unifiedIdeograph(0x2f06))).toBe('二');
    expect(String.fromCodePoint(unifiedIdeograph(0x2f8f))).toBe('行');
    expect(String.fromCodePoint(unifiedIdeograph(0x2ea0))).toBe('民');
    expect(String.fromCodePoint(unifiedIdeograph(0x2f3e))).toBe('户');
    expect(unifiedIdeograph(0x4e00)).toBe(0x4e00);
    expect(unifiedIdeograph(0x41)).toBe(0x41);
  });
});

describe('fixCMap', () => {
  it('rewrites bfchar destinations, not the glyph codes', () => {
    const fixed = fixCMap(CMAP('3 beginbfchar\n<2F> <2F00>\n<02> <2F06>\n<04> <4E8E>\nendbfchar'));
    expect(fixed).toContain('<2F> <4E00>\n<02> <4E8C>\n<04> <4E8E>');
  });

  it('rewrites bfrange bases into lists and list entries in place', () => {
    const fixed = fixCMap(CMAP('2 beginbfrange\n<10> <11> <2EFF>\n<20> <21> [<2F00> <0041>]\nendbfrange'));
    expect(fixed).toContain('<10> <11> [<2EFF> <4E00>]');
    expect(fixed).toContain('<20> <21> [<4E00> <0041>]');
    const untouched = CMAP('1 beginbfrange\n<10> <12> <4E00>\nendbfrange');
    expect(fixCMap(untouched)).toBe(untouched);
  });

  it('writes supplementary-plane ideographs as surrogate pairs', () => {
    expect(fixCMap(CMAP('1 beginbfchar\n<05> <2E87>\nendbfchar'))).toContain('<05> <D841DE28>');
  });
});

/** A minimal PDF in the layout Chromium writes, with one font whose ToUnicode maps glyph 1 to ⼀. */
function tinyPdf(): Uint8Array {
  const cmap = deflateSync(Buffer.from(CMAP('1 beginbfchar\n<01> <2F00>\nendbfchar'))).toString('latin1');
  const objects = [
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Kids [] /Count 0>>',
    '<</Type /Font /Subtype /Type3 /ToUnicode 4 0 R>>',
    `<</Filter /FlateDecode\n/Length ${cmap.length}>> stream\n${cmap}\nendstream`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `).join('\n')}\n`;
  out += `trailer\n<</Size 5\n/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

describe('fixPdfTextLayer', () => {
  it('rewrites the ToUnicode stream and rebuilds a consistent xref', () => {
    const fixed = Buffer.from(fixPdfTextLayer(tinyPdf())).toString('latin1');
    const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(fixed)?.[1]);
    expect(fixed.slice(start, start + 4)).toBe('xref');
    const entries = fixed.slice(start).split('\n').slice(3, 7);
    entries.forEach((entry, i) => {
      expect(fixed.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
    const stream = /\/Length (\d+)>> stream\n/.exec(fixed);
    const at = (stream?.index ?? 0) + (stream?.[0].length ?? 0);
    const data = Buffer.from(fixed.slice(at, at + Number(stream?.[1])), 'latin1');
    expect(inflateSync(data).toString()).toContain('<01> <4E00>');
  });

  it('returns anything else unchanged', () => {
    const junk = new Uint8Array(Buffer.from('not a pdf'));
    expect(fixPdfTextLayer(junk)).toBe(junk);
    const updated = Buffer.from(
      Buffer.from(tinyPdf()).toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Prev 9'),
      'latin1',
    );
    const input = new Uint8Array(updated);
    expect(fixPdfTextLayer(input)).toBe(input);
  });
});
