// Looking inside the DOCX and XLSX files the writers produce, in tests, with the readers' own zip code.
import { readEntry, zipEntries } from '../read/zip.ts';

/** The entries of a ZIP archive, by name, decompressed. */
export function unzip(data: Uint8Array): Map<string, Uint8Array> {
  return new Map([...zipEntries(data)].map(([name, entry]) => [name, readEntry(data, entry)]));
}

/** One entry of a ZIP archive as UTF-8 text. */
export function unzipText(data: Uint8Array, name: string): string {
  const entry = unzip(data).get(name);
  if (!entry) throw new Error(`no ${name} in the archive`);
  return new TextDecoder().decode(entry);
}
