// The CJK font drawn into rasters (box labels, the redaction log): Noto Sans CJK from Debian's fonts-noto-cjk,
// registered once with @napi-rs/canvas. Without it, labels fall back to short Latin codes rather than failing.
import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

const CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];
// A .ttc registers only its first face (Noto Sans CJK JP), which has the simplified Chinese glyphs too.
const PREFERRED = [
  'Noto Sans CJK SC',
  'Noto Sans CJK JP',
  'Noto Sans CJK TC',
  'Noto Serif CJK SC',
  'Noto Serif CJK JP',
];

function availableCjk(): string | null {
  const families = new Set(GlobalFonts.families.map((f) => f.family));
  return PREFERRED.find((f) => families.has(f)) ?? [...families].find((f) => /CJK|Hei|Song|WenQuanYi/i.test(f)) ?? null;
}

let cjk: string | null | undefined;

/** The family name to draw Chinese with, or null when the machine has no CJK font. */
export function cjkFontFamily(): string | null {
  if (cjk !== undefined) return cjk;
  cjk = null;
  try {
    if (!availableCjk()?.startsWith('Noto Sans')) {
      const path = CANDIDATES.find((p) => existsSync(p));
      if (path) GlobalFonts.registerFromPath(path);
    }
    cjk = availableCjk();
  } catch {
    cjk = null;
  }
  return cjk;
}

/** Latin fallback family (always present in @napi-rs/canvas's default fonts or as a generic name). */
export const LATIN_FAMILY = 'sans-serif';
