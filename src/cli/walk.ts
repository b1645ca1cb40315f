// Expanding the command line's files and folders into the report files to check.
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions of the formats the readers understand; other files in a folder are skipped. */
export const REPORT_EXTENSIONS = new Set([
  '.txt',
  '.md',
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.docx',
  '.pdf',
  '.json',
]);

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
  }
}

/** Files named are kept as given (a missing one is reported by the reader); folders are walked. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) await walk(input, out);
    else out.push(input);
  }
  return out;
}
