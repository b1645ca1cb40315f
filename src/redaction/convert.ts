// Turning an attachment into a PDF the redaction tool can work on: a PDF as it is (once it is known to open and
// not to be encrypted), an image as a one-page PDF of its size, a Word file through LibreOffice where the machine
// has it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { openPdf, RedactionError } from './open.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const NO_CONVERTER = '本机无法将Word文件转换为PDF，请上传PDF版本后再作区分处理';
const CONVERT_TIMEOUT_MS = 120_000;
/** Images larger than this many pixels are refused rather than embedded. */
const MAX_IMAGE_PIXELS = 100_000_000;

export async function toPdf(data: Uint8Array, mediaType: string): Promise<Uint8Array> {
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf') {
    const { close } = await openPdf(data);
    await close();
    return data;
  }
  if (type === 'image/png' || type === 'image/jpeg') return imagePdf(data, type);
  if (type === DOCX) return docxPdf(data);
  throw new RedactionError('只能对PDF、PNG、JPEG图片或Word（DOCX）文件作区分处理');
}

async function imagePdf(data: Uint8Array, type: 'image/png' | 'image/jpeg'): Promise<Uint8Array> {
  const size = imageSize(data, type);
  if (!size) throw new RedactionError('图片文件已损坏或格式不受支持，无法作区分处理');
  // Checked before decoding: a small file can declare a huge image (a decompression bomb).
  if (size.width * size.height > MAX_IMAGE_PIXELS) throw new RedactionError('图片尺寸过大，无法作区分处理');
  let out: Uint8Array;
  try {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const image = type === 'image/png' ? await doc.embedPng(data) : await doc.embedJpg(data);
    // 150 dpi when the image records none: a scanned A4 page comes out about A4.
    const width = (image.width * 72) / 150;
    const height = (image.height * 72) / 150;
    const page = doc.addPage([width, height]);
    page.drawImage(image, { x: 0, y: 0, width, height });
    doc.setProducer('Gongkai');
    out = await doc.save();
  } catch (e) {
    if (e instanceof RedactionError) throw e;
    throw new RedactionError('图片文件已损坏或格式不受支持，无法作区分处理');
  }
  return out;
}

/** Width and height from the file's header (PNG IHDR, JPEG start-of-frame), without decoding it. */
export function imageSize(
  data: Uint8Array,
  type: 'image/png' | 'image/jpeg',
): { width: number; height: number } | null {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (type === 'image/png') {
    if (view.length < 24 || view.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  }
  if (view.length < 4 || view[0] !== 0xff || view[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < view.length) {
    if (view[at] !== 0xff) return null;
    const marker = view[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: view.readUInt16BE(at + 7), height: view.readUInt16BE(at + 5) };
    }
    at += 2 + view.readUInt16BE(at + 2);
  }
  return null;
}

/** LibreOffice on PATH, under either of its names; null when absent. */
export function officeBinary(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    for (const name of ['libreoffice', 'soffice']) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

async function docxPdf(data: Uint8Array): Promise<Uint8Array> {
  const office = officeBinary();
  if (!office) throw new RedactionError(NO_CONVERTER);
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-docx-'));
  try {
    await writeFile(join(dir, 'input.docx'), data);
    await new Promise<void>((resolve, reject) => {
      execFile(
        office,
        // A profile of its own: a second LibreOffice running with the user's profile would hand the job over.
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'input.docx'),
        ],
        { timeout: CONVERT_TIMEOUT_MS, killSignal: 'SIGKILL' },
        (error) => (error ? reject(error) : resolve()),
      );
    });
    const pdf = new Uint8Array(await readFile(join(dir, 'input.pdf')));
    const { close } = await openPdf(pdf);
    await close();
    return pdf;
  } catch (e) {
    if (e instanceof RedactionError) throw e;
    throw new RedactionError('Word文件转换为PDF失败，请上传PDF版本后再作区分处理');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
