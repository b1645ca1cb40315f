// How alike two requests for information are: the text is segmented into words with jieba (search mode, so a long
// word also yields its parts: 行政处罚 → 行政, 处罚, 行政处罚), common request phrasing and most single characters are
// dropped, a few variants are brought to one form (年度 → 年, 监管 → 监督), and the cosine of the two term-frequency
// vectors is the score (0 unrelated … 1 the same words). Pure code apart from the dictionary load.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * From this score up a request is shown as a possible repeat. Chosen on real phrasings: the same request reworded
 * scores 0.88–0.95, the same agency's other decisions (another year, 许可 instead of 处罚) about 0.7, unrelated
 * requests below 0.2.
 */
export const SIMILAR_THRESHOLD = 0.8;

let jieba: Jieba | undefined;
const segmenter = () => {
  jieba ??= Jieba.withDict(dict);
  return jieba;
};

/**
 * Words every request uses (“申请公开……的信息”): they say nothing about which information is sought. The base both
 * segmenters share; each adds the compounds its own segmentation yields.
 */
export const REQUEST_STOP_WORDS: readonly string[] = [
  '申请',
  '公开',
  '信息',
  '请求',
  '要求',
  '提供',
  '获取',
  '查询',
  '查阅',
  '复印',
  '相关',
  '有关',
  '关于',
  '全部',
  '所有',
  '全文',
  '以及',
  '作出',
  '本人',
  '我们',
  '贵局',
  '内容',
  '情况',
  '资料',
  '文件',
];

const STOP_WORDS = new Set([...REQUEST_STOP_WORDS, '政府信息', '贵单位']);

/** Single characters that still narrow the request: the level of government. */
const MEANINGFUL_SINGLE = new Set(['省', '市', '区', '县', '镇', '乡', '村', '街']);

/** Variants of one word, mapped to one form. */
const SAME_AS: Record<string, string> = { 年度: '年', 监管: '监督', 监管局: '管理局' };

/** The words of a request, in order, repeated as often as they occur. */
export function requestTerms(text: string): string[] {
  const terms: string[] = [];
  for (const raw of segmenter().cutForSearch(text.normalize('NFKC'), true)) {
    const word = SAME_AS[raw.trim()] ?? raw.trim();
    if (!/[\p{L}\p{N}]/u.test(word) || STOP_WORDS.has(word)) continue;
    if ([...word].length === 1 && !MEANINGFUL_SINGLE.has(word)) continue;
    terms.push(word);
  }
  return terms;
}

function frequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Cosine similarity of the two texts' term frequencies, 0…1 (0 when either has no words left). */
export function textSimilarity(a: string, b: string): number {
  const x = frequencies(requestTerms(a));
  const y = frequencies(requestTerms(b));
  let dot = 0;
  for (const [t, n] of x) dot += n * (y.get(t) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const denominator = norm(x) * norm(y);
  return denominator === 0 ? 0 : Math.min(1, dot / denominator);
}

/** The text that says which information is sought: the description and the document's title or 文号. */
export function soughtText(a: { description: string; documentRef: string | null }): string {
  return [a.description, a.documentRef ?? ''].join(' ');
}
