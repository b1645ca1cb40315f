// The one way into pdfjs-dist. Loaded on first use (the CLI and the server start without it), with its worker
// on the main thread, and with the process's own built-ins put back afterwards.
//
// Why put back: pdfjs's legacy build (the one for Node) bundles core-js, which on Node 20 replaces
// Array.prototype.push, JSON.parse and JSON.stringify with JavaScript versions for every module of the process,
// not only for pdfjs. They give the same results, several times slower: measured, reading a PDF report spent
// 7 % of its time in the replacement push alone, and every JSON response of the server would pay for it too.
// Additions core-js makes (Map.prototype.getOrInsert, Promise.withResolvers …) are kept: pdfjs uses them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocumentInitParameters, PDFDocumentLoadingTask } from 'pdfjs-dist/types/src/display/api.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** What pdfjs needs to map CJK character codes and the 14 standard fonts, from the package itself. */
export const PDFJS_DATA = {
  cMapUrl: join(PDFJS_DIR, 'cmaps/'),
  standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts/'),
} as const;

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Handing pdfjs its worker module ourselves avoids its own dynamic import by relative path, which test
      // runners and bundlers may resolve differently.
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string);
      return pdfjs;
    } finally {
      Array.prototype.push = natives.push;
      JSON.parse = natives.parse;
      JSON.stringify = natives.stringify;
    }
  })();
  return loading;
}

/**
 * Open `data` (copied: pdfjs takes ownership of the buffer it is given) with the options every reader of the project
 * uses — no eval, no system fonts, errors only, go on past broken objects, the package's own cmaps and standard
 * fonts — plus `extra`. The caller destroys the task.
 */
export async function openPdfTask(
  data: Uint8Array,
  extra: Partial<DocumentInitParameters> = {},
): Promise<PDFDocumentLoadingTask> {
  const { getDocument, VerbosityLevel } = await loadPdfjs();
  return getDocument({
    data: new Uint8Array(data),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    ...PDFJS_DATA,
    ...extra,
  });
}
