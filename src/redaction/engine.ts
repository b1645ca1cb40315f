// The PDF redaction engine (区分处理, 《条例》第三十七条): pure functions over file bytes, no database. The
// console's redaction page calls these; each either returns a result or throws a RedactionError whose message
// the handler can read.
export { applyRedactions } from './apply.ts';
export { toPdf } from './convert.ts';
export { RedactionError } from './open.ts';
export { pageSizes, renderPage } from './render.ts';
export { findPatterns, findPhrase } from './search.ts';
