// Files for the attachment tests: each kind by its first bytes, and zips built by hand (a zip bomb among them).
import { crc32, deflateRawSync } from 'node:zlib';

const bytes = (head: number[], rest = 64) => new Uint8Array([...head, ...new Array(rest).fill(0x20)]);

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
export const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
export const EXE = bytes([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4]);
export const SVG = new TextEncoder().encode(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n',
);
export const HTML = new TextEncoder().encode('<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n');
export const TEXT = new TextEncoder().encode('申请公开2025年度的财政预算执行情况。\n');

/** A zip of deflated entries. */
export function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    const body = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const WORD = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
  'word/document.xml': '<?xml version="1.0"?><w:document><w:body><w:p/></w:body></w:document>',
};

export const DOCX = zip(WORD);
export const OFD = zip({ 'OFD.xml': '<?xml version="1.0"?><ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
let bomb: Uint8Array | undefined;
/** Looks like a Word document, but one entry inflates to 64 MB of zeros (about 64 KB compressed: ratio 1000). */
export function zipBomb(): Uint8Array {
  bomb ??= zip({ ...WORD, 'word/media/image1.png': new Uint8Array(64 * 1024 * 1024) });
  return bomb;
}
export const PLAIN_ZIP = zip({ 'a.txt': 'hello' });
