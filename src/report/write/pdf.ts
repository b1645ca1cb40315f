// A report as PDF: renderHtml's document printed by a local Chromium (Debian package `chromium`) through
// playwright-core: A4 with the margins of the stylesheet's @page rule, page numbers "— N —" in the footer, and
// the text layer repaired (pdf-text.ts) so that copied and searched text has no look-alike radicals.
import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import type { AnnualReport } from '../model.ts';
import { renderHtml } from './html.ts';
import { fixPdfTextLayer } from './pdf-text.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const CHROMIUM_MISSING =
  '生成 PDF 需要 Chromium 浏览器，但本机未找到。请先安装：apt-get install chromium fonts-noto-cjk（fonts-noto-cjk 提供中文字体）；' +
  '或设置环境变量 CHROMIUM_PATH 指向 Chromium 可执行文件。也可改为导出 HTML 或 Word（.docx）后自行打印。';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to use: env CHROMIUM_PATH if it is executable, else the Debian locations; null when none. */
export function findChromium(
  fromEnv: string | undefined = process.env.CHROMIUM_PATH,
  candidates: readonly string[] = CANDIDATES,
): string | null {
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  return candidates.find(isExecutable) ?? null;
}

/** "— N —" in 四号宋体, a little below the text block, as GB/T 9704 places page numbers. */
const FOOTER = `<div style="width:100%;text-align:center;font-size:14pt;margin-bottom:20mm;font-family:'宋体',SimSun,'Noto Serif CJK SC',serif;">— <span class="pageNumber"></span> —</div>`;

/**
 * One Chromium is shared by the renders in flight and those that follow within IDLE_MS; it closes by itself
 * after that (so that a command-line run exits) or when closeBrowser() is called.
 */
const IDLE_MS = 500;
let shared: Promise<Browser> | null = null;
let inFlight = 0;
let idleTimer: NodeJS.Timeout | null = null;

function acquireBrowser(executablePath: string): Promise<Browser> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  inFlight++;
  if (!shared) {
    const launching = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }).then(
      (browser) => {
        browser.on('disconnected', () => {
          if (shared === launching) shared = null;
        });
        return browser;
      },
      (e: Error) => {
        shared = null;
        throw new Error(`无法启动 Chromium（${executablePath}）：${e.message.split('\n')[0]}`);
      },
    );
    shared = launching;
  }
  return shared;
}

function releaseBrowser(): void {
  inFlight--;
  if (inFlight === 0 && shared) {
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (inFlight === 0) void closeBrowser();
    }, IDLE_MS);
    idleTimer.unref();
  }
}

/** Closes the shared Chromium now (tests and servers call it when done; it also closes by itself when idle). */
export async function closeBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const closing = shared;
  shared = null;
  if (closing) await closing.then((b) => b.close()).catch(() => undefined);
}

const NO_CSS_PAGE_NUMBER = '@page { @bottom-center { content: none; } }';

export async function renderPdf(report: AnnualReport, executablePath = findChromium()): Promise<Uint8Array> {
  // The page number comes from the footer template; the stylesheet's own (for printing from a browser) is
  // switched off so that it is not printed twice.
  const html = renderHtml(report).replace('</head>', `<style>${NO_CSS_PAGE_NUMBER}</style>\n</head>`);
  return printHtml(html, executablePath, { pageNumbers: true });
}

/**
 * Print an HTML document to an A4 PDF with the GB/T 9704 margins on the shared Chromium (also used for letters,
 * src/letters/pdf.ts); pageNumbers adds the footer “— N —”.
 */
export async function printHtml(
  html: string,
  executablePath: string | null = findChromium(),
  options: { pageNumbers: boolean } = { pageNumbers: true },
): Promise<Uint8Array> {
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const browser = await acquireBrowser(executablePath).catch((e) => {
    releaseBrowser();
    throw e;
  });
  try {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: options.pageNumbers,
        headerTemplate: '<div></div>',
        footerTemplate: options.pageNumbers ? FOOTER : '<div></div>',
        margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
        preferCSSPageSize: false,
        tagged: true,
        outline: true,
      });
      return fixPdfTextLayer(new Uint8Array(pdf));
    } finally {
      await context.close();
    }
  } finally {
    releaseBrowser();
  }
}
