// Segmentation for search, the same for the index and the query, so both engines see the same words: jieba in
// search mode with the government dictionary (a long word also yields its parts), lower case after NFKC, pieces
// split at anything but letters and digits (so 2024-00001 is 2024 and 00001, and no query syntax survives), and
// for a run of three or more Chinese characters also its two-character pairs, so that 公开 or 网通 is found inside a
// word jieba keeps whole. The engines then only match whole tokens (FTS5 unicode61 on the space-joined tokens,
// PostgreSQL array_to_tsvector): no engine parser decides anything.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { governmentDictionary } from './dictionary.ts';

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(governmentDictionary());
  }
  return jieba;
}

/** Longer tokens are dropped (PostgreSQL limits a lexeme's length; nobody searches for them). */
const MAX_TOKEN = 60;
const HAN = /^\p{Script=Han}+$/u;
const SEPARATOR = /[^\p{L}\p{N}]+/u;

function pieces(text: string): string[] {
  const out: string[] = [];
  if (!text.trim()) return out;
  for (const word of segmenter().cutForSearch(text.normalize('NFKC').toLowerCase(), true)) {
    for (const piece of word.split(SEPARATOR)) {
      if (piece && piece.length <= MAX_TOKEN) out.push(piece);
    }
  }
  return out;
}

/** Every token of a text for the index, in order, repeated as they occur. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(text)) {
    out.push(piece);
    const chars = [...piece];
    if (chars.length >= 3 && HAN.test(piece)) {
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    }
  }
  return out;
}

/** The distinct tokens of a text, joined by spaces with a space at each end (so ` token ` finds a whole token). */
export function tokenField(text: string): string {
  const tokens = [...new Set(indexTokens(text))];
  return tokens.length === 0 ? ' ' : ` ${tokens.join(' ')} `;
}

/** Words that say nothing on their own when the query has others. */
const QUERY_STOP = new Set(['的', '了', '和', '与', '及', '或', '在', '是', '对', '等', '之', '其', '于']);
/** At most this many words of a query are used. */
export const MAX_QUERY_TOKENS = 12;

/**
 * The words of a query: the search-mode pieces, minus a piece whose characters its smaller pieces cover
 * (政府信息公开 → 政府, 信息, 公开: a text that says 政府信息的公开 is found too), minus single characters and
 * particles when longer words are present. Distinct, in the order typed.
 */
export function queryTokens(q: string): string[] {
  const all = [...new Set(pieces(q))];
  const kept = all.filter((t) => !coveredByOthers(t, all));
  const long = kept.filter((t) => [...t].length > 1 && !QUERY_STOP.has(t));
  const words = long.length > 0 ? long : kept.filter((t) => !QUERY_STOP.has(t) || kept.length === 1);
  return words.slice(0, MAX_QUERY_TOKENS);
}

function coveredByOthers(token: string, all: readonly string[]): boolean {
  if ([...token].length < 2) return false;
  const covered = new Array<boolean>(token.length).fill(false);
  for (const other of all) {
    if (other === token || other.length >= token.length) continue;
    let from = token.indexOf(other);
    while (from !== -1) {
      for (let i = from; i < from + other.length; i++) covered[i] = true;
      from = token.indexOf(other, from + 1);
    }
  }
  return covered.every(Boolean);
}
