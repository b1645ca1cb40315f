// Bytes to text for the text-based formats: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030
// (a superset of GBK and GB2312, which older government sites still serve).

export function decodeText(data: Uint8Array, declared?: string | null): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return new TextDecoder('utf-8').decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const label = declared?.trim().toLowerCase();
  if (label && /^(gb2312|gbk|gb18030|x-gbk)$/.test(label)) return new TextDecoder('gb18030').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}
