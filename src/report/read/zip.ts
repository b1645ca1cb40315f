// Just enough of the zip format to open a .docx: list the entries and read one (word/document.xml,
// docProps/core.xml, _rels/.rels). A corrupt file fails here with a reason a clerk can read.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** General-purpose flag bit 0: the entry is encrypted with a zip password. */
  encrypted: boolean;
}

/** The largest entry inflated: a report's document.xml is well under 10 MB. */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export class ZipError extends Error {
  override name = 'ZipError';
  /** The entry would inflate past the limit (a zip bomb, or not the file it claims to be). */
  tooLarge = false;
}

/** The entries of a zip file by name, from its central directory. */
export function zipEntries(data: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment (< 64 KB).
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('找不到 zip 目录（文件不完整或已损坏）');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== 0x02014b50) {
      throw new ZipError('zip 目录已损坏');
    }
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The bytes of one entry (stored or deflated). */
export function readEntry(data: Uint8Array, entry: ZipEntry, maxBytes = MAX_ENTRY_BYTES): Uint8Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.offset;
  if (at + 30 > data.length || view.getUint32(at, true) !== 0x04034b50)
    throw new ZipError(`zip 条目 ${entry.name} 已损坏`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const body = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return body;
  if (entry.method !== 8) throw new ZipError(`zip 条目 ${entry.name} 使用了不支持的压缩方式`);
  try {
    // Bounded, so that a crafted file cannot expand to gigabytes.
    return inflateRawSync(body, { maxOutputLength: maxBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      const error = new ZipError(`zip 条目 ${entry.name} 解压后超过${maxBytes / 1024 / 1024} MB，不像年度报告`);
      error.tooLarge = true;
      throw error;
    }
    throw new ZipError(`zip 条目 ${entry.name} 无法解压（文件已损坏）`);
  }
}
