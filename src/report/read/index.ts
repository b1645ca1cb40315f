// One entry for every format: detect it from the bytes (the name only breaks ties), read, finish.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ReadError } from '../diagnostics.ts';
import { decodeText } from './decode.ts';
import { readDocxDraft } from './docx.ts';
import { finishDraft, type ReadOptions, type ReadResult } from './draft.ts';
import { readHtmlDraft } from './html.ts';
import { readJson } from './json.ts';
import { readPdfDraft } from './pdf.ts';
import { readTextDraft } from './text.ts';

export type InputFormat = 'text' | 'html' | 'docx' | 'pdf' | 'json';
export type { ReadOptions, ReadResult } from './draft.ts';

/** Largest file read: a report is a few hundred KB; a PDF with scanned pages a few MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export function detectFormat(data: Uint8Array, name = ''): InputFormat {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  // An OLE compound file: an encrypted .docx or an old .doc; the Word reader says which.
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')) return 'docx';
  const ext = extname(name).toLowerCase();
  // Pages often open with an XML declaration or a CMS comment before <!DOCTYPE>.
  const trimmed = head
    .replace(/^\uFEFF|^ï»¿/, '')
    .replace(/^(\s*(<\?xml[^>]*>|<!--[\s\S]*?-->))+/, '')
    .trimStart();
  if (trimmed.startsWith('{') || ext === '.json') return 'json';
  if (/^<(!doctype|html|head|body|meta|table|div|p[\s>])/i.test(trimmed) || ext === '.html' || ext === '.htm') {
    return 'html';
  }
  if (/<table[\s>]/i.test(head) && /<\/?(td|tr)[\s>]/i.test(head)) return 'html';
  return 'text';
}

/** Control characters other than tab, newline, form feed and carriage return mean this is not text. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) control++;
  }
  return control > 0 || head.includes('\uFFFD\uFFFD\uFFFD');
}

export async function readReportData(data: Uint8Array, name = '', options: ReadOptions = {}): Promise<ReadResult> {
  if (data.length === 0) throw new ReadError('文件为空');
  if (data.length > MAX_INPUT_BYTES)
    throw new ReadError(`文件过大（${data.length}字节），超过${MAX_INPUT_BYTES}字节上限`);
  const format = detectFormat(data, name);
  switch (format) {
    case 'json':
      return readJson(decodeText(data), options);
    case 'pdf':
      return finishDraft(await readPdfDraft(data), options);
    case 'docx':
      return finishDraft(await readDocxDraft(data), options);
    case 'html':
      return finishDraft(readHtmlDraft(data), options);
    case 'text': {
      const text = decodeText(data);
      if (looksBinary(text)) {
        throw new ReadError('无法识别的文件格式：既不是文本、网页、Word（.docx）、PDF，也不是 JSON');
      }
      return finishDraft(readTextDraft(text), options);
    }
  }
}

export async function readReportFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : (e as Error).message;
    throw new ReadError(`无法读取文件：${why}`);
  }
  return readReportData(data, path, options);
}
