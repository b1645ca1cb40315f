// What of the original may reach a redacted file, on pdf-lib's object level.
//
// A page kept as it is brings only what it draws: an allow-list of page keys (no annotations, form widgets,
// actions, thumbnails, page metadata), and resources cut to the names its content streams use. Producers often
// give every page one shared resource dictionary; copied whole, it would carry an image or a form that only a
// redacted page drew. Then the whole output is swept for document-level carriers (metadata, scripts,
// attachments) and for objects nothing refers to any more, which pdf-lib would otherwise write out.
import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from 'pdf-lib';

const PAGE_KEYS = new Set([
  'Type',
  'Parent',
  'Resources',
  'Contents',
  'MediaBox',
  'CropBox',
  'BleedBox',
  'TrimBox',
  'ArtBox',
  'Rotate',
  'UserUnit',
  'Group',
]);
const RESOURCE_KINDS = ['Font', 'XObject', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'Properties'];
/** Keys that carry metadata, scripts, attachments or interactivity wherever they stand. */
const CARRIER_KEYS = [
  'Metadata',
  'PieceInfo',
  'AA',
  'OpenAction',
  'JS',
  'JavaScript',
  'EmbeddedFiles',
  'EF',
  'Annots',
  'AcroForm',
  'Names',
  'Outlines',
  'StructTreeRoot',
  'Thumb',
  'OCProperties',
];
const MAX_DEPTH = 8;

/**
 * Readies page `index` of the loaded original for copying: strips it to the allow-listed keys and its own
 * resources. False when its content cannot be read with certainty; that page is then rebuilt instead.
 */
export function sanitisePage(doc: PDFDocument, index: number): boolean {
  try {
    const node = doc.getPage(index).node;
    const context = doc.context;
    if (hasVisibleAnnotations(context, node.get(PDFName.of('Annots')))) return false;
    for (const key of node.keys()) if (!PAGE_KEYS.has(key.decodeText())) node.delete(key);
    const content = contentOf(context, node.get(PDFName.of('Contents')));
    // Optional content (layers) may be hidden in the viewer; the output keeps no layer settings, so such a page
    // is rebuilt as it was shown rather than copied with its hidden layers.
    if (content === null || namesIn(content).has('OC')) return false;
    const resources = context.lookup(node.getInheritableAttribute(PDFName.of('Resources')));
    if (resources instanceof PDFDict) node.set(PDFName.of('Resources'), pruned(context, resources, content, 0));
    else node.delete(PDFName.of('Resources'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the page shows annotations of its own: filled-in form fields, stamps, free text. The handler saw them
 * in the viewer (pages are rendered with their annotations), so the page is rebuilt with them flattened into
 * the image rather than copied without them. Links and pop-ups draw nothing; hidden ones are not shown.
 */
function hasVisibleAnnotations(context: PDFContext, annots: PDFObject | undefined): boolean {
  const list = annots === undefined ? undefined : context.lookup(annots);
  if (!(list instanceof PDFArray)) return false;
  return list.asArray().some((ref) => {
    const annot = context.lookup(ref);
    if (!(annot instanceof PDFDict) || !annot.has(PDFName.of('AP'))) return false;
    const subtype = annot.get(PDFName.of('Subtype'));
    if (subtype instanceof PDFName && ['Link', 'Popup'].includes(subtype.decodeText())) return false;
    const flags = context.lookup(annot.get(PDFName.of('F')));
    const f = flags instanceof PDFNumber ? flags.asNumber() : 0;
    return (f & (2 | 32)) === 0; // neither Hidden nor NoView
  });
}

/** The decoded content (latin1) of a stream or array of streams; null when any part cannot be decoded. */
function contentOf(context: PDFContext, object: PDFObject | undefined): string | null {
  const value = object === undefined ? undefined : context.lookup(object);
  if (value === undefined) return '';
  const parts = value instanceof PDFArray ? value.asArray().map((o) => context.lookup(o)) : [value];
  let text = '';
  for (const part of parts) {
    if (!(part instanceof PDFRawStream)) return null;
    text += `${Buffer.from(decodePDFRawStream(part).decode()).toString('latin1')}\n`;
  }
  return text;
}

/** Every name token of a content stream (over-inclusive: names inside strings count too, which only keeps more). */
function namesIn(content: string): Set<string> {
  const names = new Set<string>();
  for (const m of content.matchAll(/\/([^\s/[\]<>(){}%]*)/g)) {
    names.add((m[1] as string).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  return names;
}

/** A new resource dictionary with only the entries the content names; forms and patterns pruned likewise. */
function pruned(context: PDFContext, resources: PDFDict, content: string, depth: number): PDFDict {
  const used = namesIn(content);
  const out = context.obj({}) as PDFDict;
  const procSet = resources.get(PDFName.of('ProcSet'));
  if (procSet) out.set(PDFName.of('ProcSet'), procSet);
  for (const kind of RESOURCE_KINDS) {
    const entries = context.lookup(resources.get(PDFName.of(kind)));
    if (!(entries instanceof PDFDict)) continue;
    const kept = context.obj({}) as PDFDict;
    for (const [name, value] of entries.entries()) {
      if (!used.has(name.decodeText())) continue;
      kept.set(name, value);
      if (kind === 'XObject' || kind === 'Pattern') pruneNested(context, value, depth + 1);
    }
    if (kept.keys().length > 0) out.set(PDFName.of(kind), kept);
  }
  return out;
}

/** A form XObject or tiling pattern has its own content and resources: prune those by its own content. */
function pruneNested(context: PDFContext, ref: PDFObject, depth: number): void {
  const stream = context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return;
  const dict = stream.dict;
  if (dict.has(PDFName.of('OC'))) throw new Error('optional content: rebuild the page');
  const resources = context.lookup(dict.get(PDFName.of('Resources')));
  if (!(resources instanceof PDFDict)) return;
  if (depth > MAX_DEPTH) throw new Error('resources nested too deep');
  const subtype = dict.get(PDFName.of('Subtype'));
  const isForm = subtype instanceof PDFName && subtype.decodeText() === 'Form';
  if (!isForm && !dict.has(PDFName.of('PatternType'))) return;
  const content = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  dict.set(PDFName.of('Resources'), pruned(context, resources, content, depth));
  for (const key of CARRIER_KEYS) dict.delete(PDFName.of(key));
}

/** Removes metadata, scripts, attachments and interactive parts from every object of the output. */
export function sanitiseDocument(doc: PDFDocument): void {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    for (const key of CARRIER_KEYS) dict.delete(PDFName.of(key));
  }
  // The catalog keeps only its page tree (and the viewer preferences set afterwards).
  const catalog = doc.catalog;
  for (const key of catalog.keys()) if (!['Type', 'Pages'].includes(key.decodeText())) catalog.delete(key);
}

/** Drops every object not reachable from the catalog or the Info dictionary: pdf-lib would write them all. */
export function collectGarbage(doc: PDFDocument): void {
  const context = doc.context;
  const reachable = new Set<string>();
  const stack: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter(
    (o): o is PDFObject => o !== undefined,
  );
  while (stack.length > 0) {
    const object = stack.pop() as PDFObject;
    if (object instanceof PDFRef) {
      const key = object.toString();
      if (reachable.has(key)) continue;
      reachable.add(key);
      const target = context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) stack.push(value);
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref.toString())) context.delete(ref);
}
