// What a file really is, from its bytes (magic numbers), never from the name or the type the browser sent. Only
// PDF, DOCX, OFD, JPEG, PNG and plain text are accepted; a zip must be a real DOCX (word/document.xml) or OFD
// (OFD.xml) and must not inflate past a bound (a zip bomb). Executables, HTML, SVG and other markup are refused:
// a file given back to a browser must never run there.
import { MAX_ENTRY_BYTES, readEntry, ZipError, zipEntries } from '../report/read/zip.ts';

export type MediaType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/ofd'
  | 'image/jpeg'
  | 'image/png'
  | 'text/plain; charset=utf-8'
  | 'text/plain; charset=gb18030';

export const MEDIA_LABELS: Record<MediaType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档（DOCX）',
  'application/ofd': 'OFD 版式文档',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'text/plain; charset=utf-8': '纯文本',
  'text/plain; charset=gb18030': '纯文本',
};

/** The usual extension, for a download's fallback name. */
export const MEDIA_EXTENSIONS: Record<MediaType, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/ofd': 'ofd',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'text/plain; charset=utf-8': 'txt',
  'text/plain; charset=gb18030': 'txt',
};

export const ALLOWED_TYPES_TEXT = 'PDF、Word（DOCX）、OFD、JPEG、PNG 或纯文本';

/** A file refused: the reason completes “文件“x””. */
export class Refused extends Error {
  override name = 'Refused';
}

/** At most this many entries in a zip, and its entries together inflate to at most this much. */
export const MAX_ZIP_ENTRIES = 5000;
const MIN_ZIP_BUDGET = 16 * 1024 * 1024;
const MAX_ZIP_RATIO = 100;

const startsWith = (data: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b);

const REFUSED_MAGIC: [number[], string][] = [
  [[0x4d, 0x5a], '是可执行程序（Windows EXE/DLL），不能作为附件'],
  [[0x7f, 0x45, 0x4c, 0x46], '是可执行程序（ELF），不能作为附件'],
  [[0xcf, 0xfa, 0xed, 0xfe], '是可执行程序（Mach-O），不能作为附件'],
  [[0xca, 0xfe, 0xba, 0xbe], '是可执行程序，不能作为附件'],
  [[0xd0, 0xcf, 0x11, 0xe0], '是旧版 Office 格式（DOC/XLS），请另存为 DOCX 或 PDF 后再上传'],
  [[0x52, 0x61, 0x72, 0x21], '是 RAR 压缩包，不能作为附件'],
  [[0x37, 0x7a, 0xbc, 0xaf], '是 7z 压缩包，不能作为附件'],
  [[0x1f, 0x8b], '是 gzip 压缩包，不能作为附件'],
];

/** The file's type, or Refused with the reason. */
export function detectMediaType(data: Uint8Array): MediaType {
  if (data.length === 0) throw new Refused('是空文件');
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return zipType(data);
  for (const [magic, reason] of REFUSED_MAGIC) if (startsWith(data, magic)) throw new Refused(reason);
  return textType(data);
}

function zipType(data: Uint8Array): MediaType {
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries(data);
  } catch (e) {
    if (e instanceof ZipError) throw new Refused('是损坏的压缩文件');
    throw e;
  }
  if (entries.size > MAX_ZIP_ENTRIES) throw new Refused(`包含的条目过多（超过 ${MAX_ZIP_ENTRIES} 个），疑似压缩炸弹`);
  const isDocx = entries.has('word/document.xml') && entries.has('[Content_Types].xml');
  const isOfd = entries.has('OFD.xml');
  if (!isDocx && !isOfd) throw new Refused(`是 zip 压缩包，不是 Word（DOCX）或 OFD 文档；请上传${ALLOWED_TYPES_TEXT}`);
  // Inflate every entry within one budget: a zip bomb stops at the budget, not at gigabytes.
  let budget = Math.min(MAX_ENTRY_BYTES, Math.max(MIN_ZIP_BUDGET, data.length * MAX_ZIP_RATIO));
  for (const entry of entries.values()) {
    if (entry.encrypted) throw new Refused('是加密的压缩文档，请去除密码后再上传');
    if (entry.name.endsWith('/')) continue;
    try {
      budget -= readEntry(data, entry, Math.max(1, budget)).length;
    } catch (e) {
      if (!(e instanceof ZipError)) throw e;
      if (e.tooLarge) throw new Refused('解压后过大，疑似压缩炸弹，不能作为附件');
      throw new Refused('是损坏的压缩文档');
    }
    if (budget < 0) throw new Refused('解压后过大，疑似压缩炸弹，不能作为附件');
  }
  return isDocx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/ofd';
}

const MARKUP = /^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe|meta|a\s|div|style|object|embed)/i;

function textType(data: Uint8Array): MediaType {
  const text = decode(data, 'utf-8') ?? decode(data, 'gb18030');
  if (text === null) throw new Refused(`不是可识别的文件类型；请上传${ALLOWED_TYPES_TEXT}`);
  // Control characters other than tab, newlines and form feed: a binary file of an unknown kind.
  if (hasControl(text.slice(0, 65536))) {
    throw new Refused(`不是可识别的文件类型；请上传${ALLOWED_TYPES_TEXT}`);
  }
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  if (MARKUP.test(head) || /<svg[\s>]/i.test(head) || /<script[\s>]/i.test(head)) {
    throw new Refused('是网页或 SVG 等标记文件，可能含有脚本，不能作为附件');
  }
  return decode(data, 'utf-8') !== null ? 'text/plain; charset=utf-8' : 'text/plain; charset=gb18030';
}

/** Any control character except tab, line feed, form feed and carriage return. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function decode(data: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data);
  } catch {
    return null;
  }
}
