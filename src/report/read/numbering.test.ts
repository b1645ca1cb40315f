import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../test/builders.ts';
import { SECTION_TITLES } from '../labels.ts';
import { renderDocx } from '../write/docx.ts';
import { unzipText } from '../write/unzip.ts';
import { readReportData } from './index.ts';
import { formatNumber } from './numbering.ts';

describe('Word automatic list numbering', () => {
  it('formats the numbers Word draws', () => {
    expect(['chineseCounting', 'decimal', 'upperLetter'].map((f) => formatNumber(12, f))).toEqual(['十二', '12', 'L']);
    expect(formatNumber(20, 'chineseCountingThousand')).toBe('二十');
    expect(formatNumber(6, 'ideographDigital')).toBe('六');
  });

  it('reads section headings numbered by a Word list as printed', async () => {
    // The report as our writer prints it, with its six headings' "一、" … "六、" replaced by a Word list.
    const original = await renderDocx(buildReport());
    let xml = unzipText(original, 'word/document.xml');
    for (const title of SECTION_TITLES) {
      const bare = title.slice(2);
      const at = xml.indexOf(`>${title}<`);
      expect(at).toBeGreaterThan(0);
      const pStart = xml.lastIndexOf('<w:p>', at) >= 0 ? xml.lastIndexOf('<w:p>', at) : xml.lastIndexOf('<w:p ', at);
      const pPr = xml.indexOf('<w:pPr>', pStart);
      xml = `${xml.slice(0, pPr + 7)}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>${xml.slice(pPr + 7)}`;
      xml = xml.replace(`>${title}<`, `>${bare}<`);
    }
    const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>`;
    const zip = await JSZip.loadAsync(original);
    zip.file('word/document.xml', xml);
    zip.file('word/numbering.xml', numbering);
    const edited = await zip.generateAsync({ type: 'uint8array' });
    const { report, diagnostics } = await readReportData(edited, 'numbered.docx');
    expect(diagnostics).toEqual([]);
    expect(report.text).toEqual(buildReport().text);
  });

  it('ignores bullets and unknown lists', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'b',
            levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }],
          },
        ],
      },
      sections: [{ children: [new Paragraph({ text: '要点', numbering: { reference: 'b', level: 0 } })] }],
    });
    const data = new Uint8Array(await Packer.toBuffer(doc));
    await expect(readReportData(data, 'x.docx')).rejects.toThrow('没有找到');
  });
});
