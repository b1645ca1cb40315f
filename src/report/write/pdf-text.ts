// Repairs the text layer of a PDF printed by Chromium with the Noto CJK fonts. Those fonts draw, say, 一 and the
// Kangxi radical ⼀ (U+2F00) with one glyph, and Chromium's ToUnicode maps each glyph to its lowest code point, so
// copied, searched or read-aloud text comes out as radicals ("⼀、总体情况", "⾏政许可"). This rewrites every
// ToUnicode CMap to map those glyphs to the unified ideographs instead. The pages themselves are not touched.
import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Radicals whose Noto CJK SC glyph is that of a unified ideograph other than their NFKC form (CJK Radicals
 * Supplement, and ⼾ drawn as 户), found by comparing the fonts' cmaps. Kangxi radicals otherwise map by NFKC.
 */
const RADICAL_TABLE =
  '2E82:4E5B 2E83:4E5A 2E85:4EBB 2E87:20628 2E89:5202 2E8B:353E 2E8D:2D544 2E8E:5140 2E8F:5C23 2E90:5C22 ' +
  '2E92:5DF3 2E93:5E7A 2E94:5F51 2E95:5F50 2E96:5FC4 2E98:624C 2E99:6535 2E9B:65E1 2E9E:6B7A 2EA0:6C11 ' +
  '2EA1:6C35 2EA3:706C 2EA4:722B 2EA6:4E2C 2EA8:72AD 2EA9:248E9 2EAB:7F52 2EAD:793B 2EAE:25AD7 2EAF:7CF9 ' +
  '2EB0:7E9F 2EB1:7F53 2EB3:34C1 2EB9:8002 2EBA:8080 2EBD:26951 2EBE:8279 2EC1:864E 2EC2:8864 2EC3:8980 ' +
  '2EC5:89C1 2EC6:89D2 2EC7:278B2 2EC8:8BA0 2EC9:8D1D 2ECA:27FB7 2ECB:8F66 2ECC:8FB6 2ED0:9485 2ED1:9577 ' +
  '2ED2:9578 2ED3:957F 2ED4:95E8 2ED5:28E0F 2ED6:961D 2ED8:9752 2ED9:97E6 2EDA:9875 2EDB:98CE 2EDC:98DE ' +
  '2EDD:98DF 2EDE:2967F 2EDF:98E0 2EE0:9963 2EE1:29810 2EE2:9A6C 2EE3:9AA8 2EE4:9B3C 2EE5:9C7C 2EE6:9E1F ' +
  '2EE7:5364 2EE8:9EA6 2EE9:9EC4 2EEA:9EFE 2EEB:6589 2EEC:9F50 2EEE:9F7F 2EEF:7ADC 2EF0:9F99 2EF1:9F9C ' +
  '2EF2:4E80 2F3E:6237';
const RADICALS = new Map(
  RADICAL_TABLE.split(' ').map((pair) => pair.split(':').map((h) => Number.parseInt(h, 16)) as [number, number]),
);

/** The ideograph a radical stands for in the text layer; other code points unchanged. */
export function unifiedIdeograph(cp: number): number {
  const mapped = RADICALS.get(cp);
  if (mapped !== undefined) return mapped;
  if (cp >= 0x2f00 && cp <= 0x2fd5) return String.fromCodePoint(cp).normalize('NFKC').codePointAt(0) ?? cp;
  return cp;
}

const hexUtf16 = (s: string) =>
  [...s]
    .flatMap((ch) => {
      const units: string[] = [];
      for (let i = 0; i < ch.length; i++) units.push(ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0'));
      return units;
    })
    .join('');

/** A CMap destination string (UTF-16BE hex) with its radicals replaced. */
function fixDestination(hex: string): string {
  if (hex.length % 4 !== 0) return hex;
  const units = hex.match(/.{4}/g)?.map((h) => Number.parseInt(h, 16)) ?? [];
  const text = String.fromCharCode(...units);
  const fixed = [...text].map((ch) => String.fromCodePoint(unifiedIdeograph(ch.codePointAt(0) as number))).join('');
  return fixed === text ? hex : hexUtf16(fixed);
}

/** Rewrites the destinations of bfchar and bfrange entries; a range whose base is a radical becomes a list. */
export function fixCMap(cmap: string): string {
  return cmap
    .replace(/beginbfchar([\s\S]*?)endbfchar/g, (_, body: string) => {
      const fixed = body.replace(/(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]+)>/g, (_m, src: string, dst: string) => {
        return `${src}<${fixDestination(dst.toUpperCase())}>`;
      });
      return `beginbfchar${fixed}endbfchar`;
    })
    .replace(/beginbfrange([\s\S]*?)endbfrange/g, (_, body: string) => {
      const fixed = body.replace(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
        (_m, lo: string, hi: string, dst: string) => {
          if (dst.startsWith('[')) {
            return `<${lo}> <${hi}> ${dst.replace(/<([0-9A-Fa-f]+)>/g, (_x, h: string) => `<${fixDestination(h.toUpperCase())}>`)}`;
          }
          const base = Number.parseInt(dst.slice(1, -1), 16);
          const count = Number.parseInt(hi, 16) - Number.parseInt(lo, 16) + 1;
          const hexes = Array.from({ length: count }, (_x, i) =>
            (base + i).toString(16).toUpperCase().padStart(4, '0'),
          );
          if (dst.length !== 6 || hexes.every((h) => fixDestination(h) === h)) return _m;
          return `<${lo}> <${hi}> [${hexes.map((h) => `<${fixDestination(h)}>`).join(' ')}]`;
        },
      );
      return `beginbfrange${fixed}endbfrange`;
    });
}

/**
 * The PDF with its ToUnicode CMaps repaired, rebuilt with a fresh cross-reference table. Anything but the plain
 * layout Chromium writes (one classic xref section, no encryption, no incremental updates) is returned as is.
 */
export function fixPdfTextLayer(pdf: Uint8Array): Uint8Array {
  const src = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(src)?.[1] ?? Number.NaN);
  const xref = /^xref\n0 (\d+)\n/.exec(src.slice(startxref, startxref + 32));
  const trailerAt = src.indexOf('trailer', startxref);
  if (!xref || trailerAt < 0) return pdf;
  const trailer = src.slice(trailerAt, src.indexOf('startxref', trailerAt));
  if (/\/(Prev|Encrypt|XRefStm)\b/.test(trailer)) return pdf;
  const size = Number(xref[1]);
  const offsets: { id: number; at: number }[] = [];
  const entries = startxref + xref[0].length;
  for (let id = 1; id < size; id++) {
    const entry = src.slice(entries + id * 20, entries + id * 20 + 18);
    if (entry.endsWith(' n')) offsets.push({ id, at: Number(entry.slice(0, 10)) });
  }
  offsets.sort((a, b) => a.at - b.at);
  const bodies = offsets.map(({ id, at }, i) => ({ id, text: src.slice(at, offsets[i + 1]?.at ?? startxref) }));
  const targets = new Set([...src.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => Number(m[1])));
  let changed = false;
  for (const body of bodies) {
    if (!targets.has(body.id)) continue;
    const m = /^(\d+ 0 obj\n<<\/Filter \/FlateDecode\n\/Length )(\d+)(>> ?stream\r?\n)/.exec(body.text);
    if (!m) continue;
    const dataAt = m[0].length;
    const length = Number(m[2]);
    const data = Buffer.from(body.text.slice(dataAt, dataAt + length), 'latin1');
    const cmap = inflateSync(data).toString('latin1');
    const fixed = fixCMap(cmap);
    if (fixed === cmap) continue;
    const packed = deflateSync(Buffer.from(fixed, 'latin1')).toString('latin1');
    body.text = `${m[1]}${packed.length}${m[3]}${packed}${body.text.slice(dataAt + length)}`;
    changed = true;
  }
  if (!changed) return pdf;
  let out = src.slice(0, offsets[0]?.at ?? 0);
  const newOffsets = new Map<number, number>();
  for (const body of bodies) {
    newOffsets.set(body.id, out.length);
    out += body.text;
  }
  const table = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let id = 1; id < size; id++) {
    const at = newOffsets.get(id);
    table.push(at === undefined ? '0000000000 65535 f ' : `${String(at).padStart(10, '0')} 00000 n `);
  }
  const xrefAt = out.length;
  out += `${table.join('\n')}\n${trailer}startxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
