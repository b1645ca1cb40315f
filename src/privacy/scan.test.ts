import { createHash } from 'node:crypto';
// The scanner: the same data written differently is one hit per object, the fingerprint differs between objects,
// and the text layers of Word, OFD, plain-text and PDF files are read (with the page).
import { describe, expect, it } from 'vitest';
import { zip } from '../attachments/testing.ts';
import { textPdf } from '../pdf/testing.ts';
import { fingerprintOf, HitList, type PublicFile, scanFiles, scanTexts } from './scan.ts';
import { cardNumberFor, idNumberFor } from './testing.ts';

const ID = idNumberFor('11010519491231002');
const file = (fileName: string, mediaType: string, data: Uint8Array): PublicFile => ({
  fileName,
  mediaType,
  sha256: `${fileName}-${data.length}-${data[data.length - 2]}`,
  data,
});

const KEY = 'test-installation-key';

describe('scanTexts', () => {
  it('finds each kind once per object, with every place, masked', () => {
    const list = new HitList('catalogItem:1', KEY);
    const card = cardNumberFor('622202100112345678');
    scanTexts(list, [
      { place: '标题', text: `关于${ID.toLowerCase()}的公示` },
      { place: '正文', text: `身份证${ID}，手机138 0013 8000，+86 13800138000，卡号${card}，邮箱Zhang@Example.com` },
    ]);
    expect(list.hits.map((h) => [h.kind, h.places])).toEqual([
      ['idNumber', ['标题', '正文']],
      ['mobile', ['正文']],
      ['bankCard', ['正文']],
      ['email', ['正文']],
    ]);
    // Masked as first found (lower-case x); the upper-case one is the same hit.
    expect(list.hits[0]?.masked).toBe(`身份证号码 1101**********${ID.slice(-4).toLowerCase()}`);
    expect(JSON.stringify(list.hits).toUpperCase()).not.toContain(ID);
    expect(fingerprintOf('mobile', '138-0013-8000', 'feedback:2', KEY)).toBe(
      fingerprintOf('mobile', '13800138000', 'feedback:2', KEY),
    );
    expect(fingerprintOf('mobile', '13800138000', 'feedback:2', KEY)).not.toBe(
      fingerprintOf('mobile', '13800138000', 'feedback:3', KEY),
    );
    // Keyed: another installation's fingerprint of the same number differs, and no plain hash of it matches.
    expect(fingerprintOf('idNumber', ID, 'feedback:2', KEY)).not.toBe(
      fingerprintOf('idNumber', ID, 'feedback:2', 'other'),
    );
    const plain = createHash('sha256').update(`idNumber\u0000${ID}\u0000feedback:2`).digest('hex');
    expect(fingerprintOf('idNumber', ID, 'feedback:2', KEY)).not.toBe(plain);
  });
});

describe('scanFiles', () => {
  it('reads Word, OFD, plain text and PDF pages, and the file name', async () => {
    const docx = zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      'word/document.xml': `<w:document><w:body><w:p><w:r><w:t>住址：</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">身份证号 </w:t></w:r><w:r><w:t>${ID.slice(0, 9)}</w:t></w:r><w:r><w:t>${ID.slice(9)}</w:t></w:r></w:p></w:body></w:document>`,
    });
    const ofd = zip({
      'OFD.xml': '<ofd:OFD/>',
      'Doc_0/Pages/Page_0/Content.xml':
        '<ofd:Page><ofd:TextObject><ofd:TextCode X="0">无</ofd:TextCode></ofd:TextObject></ofd:Page>',
      'Doc_0/Pages/Page_1/Content.xml':
        '<ofd:Page><ofd:TextObject><ofd:TextCode X="0">联系邮箱 a.b@example.com</ofd:TextCode></ofd:TextObject></ofd:Page>',
    });
    const list = new HitList('catalogItem:9', KEY);
    await scanFiles(list, [
      file('名单.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx),
      file('回执.ofd', 'application/ofd', ofd),
      file('说明.txt', 'text/plain; charset=utf-8', new TextEncoder().encode('手机 13912345678')),
      file('公示.pdf', 'application/pdf', textPdf(['none', 'none', `card ${cardNumberFor('621700000000000001')}`])),
      file('13700001111.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
    ]);
    expect(list.hits.map((h) => [h.kind, h.places])).toEqual([
      ['idNumber', ['附件“名单.docx”']],
      ['email', ['附件“回执.ofd”第2页']],
      ['mobile', ['附件“说明.txt”']],
      ['bankCard', ['附件“公示.pdf”第3页']],
      ['mobile', ['附件“13700001111.png”的文件名']],
      ['unreadable', ['附件“13700001111.png”']],
    ]);
    expect(list.hits.at(-1)?.masked).toBe('附件“13700001111.png”无法自动读取文字（图片没有文字层），请人工核对');
  });
});
