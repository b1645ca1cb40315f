// A minimal ZIP reader (stored and deflated entries) so that tests can look inside the DOCX and XLSX files
// the writers produce without depending on a zip library.
import { inflateRawSync } from 'node:zlib';

/** The entries of a ZIP archive, by name, decompressed. */
export function unzip(data: Uint8Array): Map<string, Uint8Array> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, new Uint8Array(method === 8 ? inflateRawSync(raw) : raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** One entry of a ZIP archive as UTF-8 text. */
export function unzipText(data: Uint8Array, name: string): string {
  const entry = unzip(data).get(name);
  if (!entry) throw new Error(`no ${name} in the archive`);
  return new TextDecoder().decode(entry);
}
