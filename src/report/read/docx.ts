// Word (.docx) reports: word/document.xml becomes simple HTML (ooxml.ts: merged cells as rowspan and
// colspan) and the HTML path reads it. The zip is checked first so that a corrupt, encrypted or
// non-Word file gets a reason a clerk understands.
import { ReadError } from '../diagnostics.ts';
import type { ReportDraft } from './draft.ts';
import { draftFromHtml } from './html.ts';
import { ListNumbering } from './numbering.ts';
import { documentHtml } from './ooxml.ts';
import { readEntry, type ZipEntry, ZipError, zipEntries } from './zip.ts';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

/** An encrypted .docx is an OLE compound file holding an "EncryptedPackage" stream (names in UTF-16LE). */
function isEncryptedOffice(data: Uint8Array): boolean {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(marker);
}

function notDocx(data: Uint8Array): ReadError {
  if (startsWith(data, CFB_MAGIC)) {
    return isEncryptedOffice(data)
      ? new ReadError('Word 文件已加密（设置了打开密码），无法读取；请取消密码后重新提交')
      : new ReadError('这是旧版 Word 97-2003（.doc）文件，无法直接读取；请在 Word 中另存为 .docx 后再试');
  }
  return new ReadError('不是有效的 Word（.docx）文件：文件不是 zip 格式，可能已损坏');
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  if (!m) return null;
  const text = (m[1] ?? '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? '')
    .replace(/&#(x?)([0-9a-f]{1,6});/gi, (_, x: string, n: string) => {
      const code = Number.parseInt(n, x ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .trim();
  return text || null;
}

/** The main document part: the officeDocument relationship of _rels/.rels, else word/document.xml. */
function mainPart(data: Uint8Array, entries: Map<string, ZipEntry>): string {
  const rels = entries.get('_rels/.rels');
  if (rels) {
    const xml = new TextDecoder().decode(readEntry(data, rels));
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const target = /Target="\/?([^"]+)"/.exec(m[0])?.[1];
      if (target && /\/officeDocument"/.test(m[0])) return target;
    }
  }
  return 'word/document.xml';
}

/** The text of the main document part and the title stored in docProps/core.xml. */
function openPackage(data: Uint8Array): { xml: string; title: string | null; numbering: ListNumbering } {
  const entries = zipEntries(data);
  const document = entries.get(mainPart(data, entries));
  if (!document) {
    if (entries.has('xl/workbook.xml')) throw new ReadError('这是 Excel 文件（.xlsx），不是 Word 文档');
    if (entries.has('ppt/presentation.xml')) throw new ReadError('这是 PowerPoint 文件（.pptx），不是 Word 文档');
    throw new ReadError('不是有效的 Word（.docx）文件：压缩包中没有 Word 正文（word/document.xml）');
  }
  if (document.encrypted) throw new ReadError('Word 文件已加密（设置了压缩密码），无法读取；请取消密码后重新提交');
  const decoder = new TextDecoder();
  const core = entries.get('docProps/core.xml');
  const title = core ? xmlText(decoder.decode(readEntry(data, core)), 'dc:title') : null;
  const part = (name: string) => {
    const entry = entries.get(name);
    return entry && !entry.encrypted ? decoder.decode(readEntry(data, entry)) : null;
  };
  const numbering = new ListNumbering(part('word/numbering.xml'), part('word/styles.xml'));
  return { xml: decoder.decode(readEntry(data, document)), title, numbering };
}

/**
 * The draft of a .docx report. The title stored in docProps/core.xml is used only when the body prints
 * none (it is often left over from the file the report was copied from). Its created/modified dates are
 * not the publication date, for the same reason, and are not used.
 */
export async function readDocxDraft(data: Uint8Array): Promise<ReportDraft> {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04])) throw notDocx(data);
  try {
    const { xml, title, numbering } = openPackage(data);
    return draftFromHtml(documentHtml(xml, numbering), title);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    if (e instanceof ZipError) throw new ReadError(`Word（.docx）文件已损坏：${e.message}`);
    // Anything else (markup nested thousands of levels deep, a bad character reference) is a broken file too.
    throw new ReadError(`Word（.docx）文件正文无法解析：${(e as Error).message}`);
  }
}
