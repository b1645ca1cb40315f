// Small real PDFs written by hand for tests: Helvetica as F1, one content stream per page, a correct
// cross-reference table — so pdfjs reads them as it would a producer's file. ASCII only: the standard fonts have no
// CJK glyphs.

/** A PDF whose pages have the given content streams, optionally encrypted with an unknown user password. */
export function contentPdf(contents: readonly string[], options: { encrypted?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const pageIds = contents.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  contents.forEach((content, i) => {
    const id = pageIds[i] as number;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  const encryptId = objects.length;
  if (options.encrypted)
    objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  const extra = options.encrypted ? ` /Encrypt ${encryptId} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${extra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const pdfString = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** One page per string, each written in one text object. */
export function textPdf(pages: readonly string[]): Uint8Array {
  return contentPdf(pages.map((text) => `BT /F1 12 Tf 72 720 Td (${pdfString(text)}) Tj ET`));
}
