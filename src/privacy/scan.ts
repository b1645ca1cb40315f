// The personal-data guard's scanner: the texts and files about to go public become hits, each named by a
// fingerprint (HMAC-SHA256, keyed per installation, of kind, normalised text and object) and shown masked, so neither the database, the audit log
// nor a log line ever holds the personal data found (个人信息保护法 第五十一条). Files are read through their text
// layers: PDF (pdfjs), Word and OFD (their XML, read with the project's own zip reader) and plain text. A file whose
// text cannot be read (a picture, a scan without a text layer, an encrypted or broken file) becomes a hit of its own:
// the machine cannot vouch for it, so the publisher looks at it and records that it may go out, like any other hit.
import { createHmac } from 'node:crypto';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { openPdfTask } from '../pdf/pdfjs.ts';
import { pageLines } from '../report/read/pdf.ts';
import { readEntry, zipEntries } from '../report/read/zip.ts';
import {
  findPersonalData,
  maskHit,
  PERSONAL_DATA_LABELS,
  type PersonalDataHit,
  type PersonalDataKind,
} from './detect.ts';

/** Personal data found, or a file whose text could not be read (a scan, a picture, an encrypted file). */
export type HitKind = PersonalDataKind | 'unreadable';

export const HIT_LABELS: Record<HitKind, string> = { ...PERSONAL_DATA_LABELS, unreadable: '无法自动读取的附件' };

export interface ScannedHit {
  kind: HitKind;
  /** HMAC-SHA256 hex (installation key) of kind, normalised text and object: the same data in the same object is one hit. */
  fingerprint: string;
  /** What lists, the audit log and error messages show ("身份证号码 3201**********1234"). */
  masked: string;
  /** Where it was found (标题, 正文, 附件“通知.pdf”第2页 …), each place once. */
  places: string[];
}

/** A text that goes public and where it stands. */
export interface PublicText {
  place: string;
  text: string;
}

/** A file that goes public; its bytes are fetched only when its hash has not been scanned lately. */
export interface PublicFile {
  fileName: string;
  mediaType: string;
  sha256: string;
  data: Uint8Array | (() => Promise<Uint8Array | undefined>);
}

/** The same data written differently is the same hit: 138 0013 8000 and 13800138000, x and X, upper-case mail. */
export function normalise(kind: HitKind, text: string): string {
  switch (kind) {
    case 'idNumber':
      return text.toUpperCase();
    case 'mobile':
      return text.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');
    case 'bankCard':
      return text.replace(/\D/g, '');
    case 'email':
      return text.toLowerCase();
    default:
      return text.replace(/\s+/g, '');
  }
}

/**
 * Keyed with the installation's secret (PRIVACY_KEY): there are few enough valid 身份证号 (about 10¹¹) that an
 * unkeyed hash in a copied database could be reversed by trying them all.
 */
export function fingerprintOf(kind: HitKind, text: string, object: string, key: string): string {
  return createHmac('sha256', key)
    .update(`${kind}\u0000${normalise(kind, text)}\u0000${object}`)
    .digest('hex');
}

/** The meta-table name of the secret the fingerprints are keyed with (storage/secrets.ts). */
export const PRIVACY_KEY = 'privacy.fingerprint_key';

/** Hits of one object's texts and files, one per fingerprint with every place it was found. */
export class HitList {
  private readonly byFingerprint = new Map<string, ScannedHit>();
  constructor(
    private readonly object: string,
    private readonly key: string,
  ) {}

  add(found: Pick<PersonalDataHit, 'kind' | 'text'>, place: string): void {
    this.put(found.kind, found.text, maskHit(found), place);
  }

  /**
   * A file whose text could not be read: the publisher must look at it and say it holds no personal data (or why
   * what it holds may stand), as for any hit. Named by the file's content, so a replaced file asks again.
   */
  addUnreadable(file: { fileName: string; sha256: string }, why: string, place: string): void {
    this.put('unreadable', file.sha256, `附件“${file.fileName}”无法自动读取文字（${why}），请人工核对`, place);
  }

  private put(kind: HitKind, text: string, masked: string, place: string): void {
    const fingerprint = fingerprintOf(kind, text, this.object, this.key);
    const hit = this.byFingerprint.get(fingerprint);
    if (!hit) this.byFingerprint.set(fingerprint, { kind, fingerprint, masked, places: [place] });
    else if (!hit.places.includes(place)) hit.places.push(place);
  }

  get hits(): ScannedHit[] {
    return [...this.byFingerprint.values()];
  }
}

/** The object a fingerprint belongs to: an acknowledgement never carries over to another item or message. */
export const objectKey = (objectType: string, objectId: number) => `${objectType}:${objectId}`;

/** The first hit in texts that go public without anyone to acknowledge it (the catalogue import), masked. */
export function firstHit(texts: readonly PublicText[]): { place: string; masked: string } | null {
  for (const t of texts) {
    const [hit] = findPersonalData(t.text);
    if (hit) return { place: t.place, masked: maskHit(hit) };
  }
  return null;
}

export function scanTexts(list: HitList, texts: readonly PublicText[]): void {
  for (const t of texts) for (const hit of findPersonalData(t.text)) list.add(hit, t.place);
}

/** A page of a file's text; page null for formats without pages. */
interface FileText {
  page: number | null;
  text: string;
}

class Unreadable extends Error {}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? '')
    .replace(/&#(x?)([0-9a-f]{1,6});/gi, (_, x: string, n: string) => {
      const code = Number.parseInt(n, x ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });

/** The text runs of XML (w:t in Word, ofd:TextCode in OFD), joined within a paragraph, a paragraph per line. */
function xmlText(xml: string, run: RegExp, paragraphEnd: RegExp): string {
  return xml
    .split(paragraphEnd)
    .map((part) => [...part.matchAll(run)].map((m) => decodeXml(m[1] ?? '')).join(''))
    .join('\n');
}

function zipTexts(data: Uint8Array, names: RegExp): { name: string; xml: string }[] {
  let entries: ReturnType<typeof zipEntries>;
  try {
    entries = zipEntries(data);
  } catch {
    throw new Unreadable('文件已损坏或不是有效的压缩格式');
  }
  const out: { name: string; xml: string }[] = [];
  for (const [name, entry] of entries) {
    if (!names.test(name)) continue;
    if (entry.encrypted) throw new Unreadable('文件已加密');
    try {
      out.push({ name, xml: new TextDecoder().decode(readEntry(data, entry, 64 * 1024 * 1024)) });
    } catch {
      throw new Unreadable('文件已损坏');
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

function docxText(data: Uint8Array): FileText[] {
  const parts = zipTexts(data, /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/);
  if (!parts.some((p) => p.name === 'word/document.xml')) throw new Unreadable('不是有效的 Word 文件');
  return [
    { page: null, text: parts.map((p) => xmlText(p.xml, /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, /<\/w:p>/g)).join('\n') },
  ];
}

function ofdText(data: Uint8Array): FileText[] {
  const pages = zipTexts(data, /\/Pages\/Page_\d+\/Content\.xml$/);
  return pages.map((p, i) => ({
    page: i + 1,
    text: xmlText(p.xml, /<ofd:TextCode(?:\s[^>]*)?>([^<]*)<\/ofd:TextCode>/g, /<\/ofd:TextObject>/g),
  }));
}

async function pdfText(data: Uint8Array): Promise<FileText[]> {
  const task = await openPdfTask(data);
  try {
    const pdf = await task.promise;
    const pages: FileText[] = [];
    let chars = 0;
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      const [, y0 = 0, , y1 = 0] = page.view;
      page.cleanup();
      // Lines as laid out, and the raw runs joined too: a number split over two items is found either way.
      const lines = pageLines(items, Math.abs(y1 - y0));
      const text = `${lines.join('\n')}\n${items.map((it) => it.str).join('')}`;
      chars += text.replace(/\s/g, '').length;
      pages.push({ page: i, text });
    }
    if (pdf.numPages > 0 && chars === 0) throw new Unreadable('PDF 没有文字层，可能是扫描件');
    return pages;
  } catch (e) {
    if (e instanceof Unreadable) throw e;
    const name = (e as { name?: string } | null)?.name ?? '';
    throw new Unreadable(name === 'PasswordException' ? 'PDF 已加密' : 'PDF 已损坏或无法解析');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function fileText(file: PublicFile): Promise<FileText[]> {
  const type = file.mediaType;
  const data = typeof file.data === 'function' ? await file.data() : file.data;
  if (!data) throw new Unreadable('文件内容缺失');
  if (type === 'application/pdf') return pdfText(data);
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return docxText(data);
  if (type === 'application/ofd') return ofdText(data);
  if (type.startsWith('text/plain')) {
    const encoding = /charset=gb18030/i.test(type) ? 'gb18030' : 'utf-8';
    return [{ page: null, text: new TextDecoder(encoding).decode(data) }];
  }
  throw new Unreadable(type.startsWith('image/') ? '图片没有文字层' : '格式无法读取文字');
}

/**
 * What a file holds, by its content hash: a page is scanned once, not on every view of the publishing page. Only
 * the kinds, texts and pages are kept, for the few files last looked at.
 */
type Found = { kind: PersonalDataKind; text: string; page: number | null }[] | { unreadable: string };
const cache = new Map<string, Found>();
const CACHE_SIZE = 64;

async function foundIn(file: PublicFile): Promise<Found> {
  const known = cache.get(file.sha256);
  if (known) return known;
  let found: Found;
  try {
    found = (await fileText(file)).flatMap(({ page, text }) =>
      findPersonalData(text).map((h) => ({ kind: h.kind, text: h.text, page })),
    );
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e;
    found = { unreadable: e.message };
  }
  cache.set(file.sha256, found);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return found;
}

export async function scanFiles(list: HitList, files: readonly PublicFile[]): Promise<void> {
  for (const file of files) {
    const name = `附件“${file.fileName}”`;
    // The file name is published too (the download link shows it).
    scanTexts(list, [{ place: `${name}的文件名`, text: file.fileName }]);
    const found = await foundIn(file);
    if ('unreadable' in found) {
      list.addUnreadable(file, found.unreadable, name);
      continue;
    }
    for (const f of found) list.add(f, f.page === null ? name : `${name}第${f.page}页`);
  }
}
