import { expect, it } from 'vitest';
import { loadPdfjs } from './pdfjs.ts';

// Taken before pdfjs is loaded (this file's worker has not loaded it). core-js disguises its replacements'
// source as "[native code]", so identity is the test.
const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

it('loads pdfjs and its worker, and leaves the built-ins core-js would replace as they were', async () => {
  const pdfjs = await loadPdfjs();
  expect(typeof pdfjs.getDocument).toBe('function');
  expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeDefined();
  expect(Array.prototype.push).toBe(natives.push);
  expect(JSON.parse).toBe(natives.parse);
  expect(JSON.stringify).toBe(natives.stringify);
  // What pdfjs relies on from core-js stays.
  expect(typeof (Map.prototype as { getOrInsert?: unknown }).getOrInsert).toBe('function');
  expect(await loadPdfjs()).toBe(pdfjs);
});
