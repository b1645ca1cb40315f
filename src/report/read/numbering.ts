// Word's automatic list numbering. Many reports number their headings with a list ("一、总体情况" where
// "一、" is not in the text but drawn by Word from word/numbering.xml); without it the headings would read
// "总体情况" and look misnumbered. This computes the label Word shows for each numbered paragraph.
import { load } from 'cheerio';
import type { DomNode } from './html-dom.ts';

interface Level {
  start: number;
  format: string;
  text: string;
}

const CHINESE = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 in Chinese counting: 十, 十一, 二十, 二十一. */
function chineseCounting(n: number): string {
  if (n < 10) return CHINESE[n] ?? String(n);
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : CHINESE[tens]}十${ones ? CHINESE[ones] : ''}`;
  }
  return String(n);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CHINESE[Number(d)]).join('');
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'decimalFullWidth':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

function local(name: string | undefined): string {
  const n = name ?? '';
  return n.slice(n.indexOf(':') + 1);
}

function kids(node: DomNode | undefined, name?: string): DomNode[] {
  return (node?.children ?? []).filter((c) => c.type === 'tag' && (name === undefined || local(c.name) === name));
}

function val(node: DomNode | undefined): string | undefined {
  if (!node?.attribs) return undefined;
  for (const [k, v] of Object.entries(node.attribs)) if (local(k) === 'val') return v;
  return undefined;
}

function attrOf(node: DomNode, name: string): string | undefined {
  for (const [k, v] of Object.entries(node.attribs ?? {})) if (local(k) === name) return v;
  return undefined;
}

function root(xml: string): DomNode {
  return load(xml, { xml: true }).root()[0] as unknown as DomNode;
}

function findAll(node: DomNode, name: string, out: DomNode[] = []): DomNode[] {
  for (const c of kids(node)) {
    if (local(c.name) === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

interface NumPr {
  numId: string;
  ilvl: number;
}

function numPrOf(pPr: DomNode | undefined): NumPr | null {
  const numPr = kids(pPr, 'numPr')[0];
  const numId = val(kids(numPr, 'numId')[0]);
  if (!numPr || numId === undefined) return null;
  return { numId, ilvl: Number(val(kids(numPr, 'ilvl')[0]) ?? 0) || 0 };
}

export class ListNumbering {
  private readonly abstractOf = new Map<string, string>();
  private readonly levels = new Map<string, Level[]>();
  private readonly styleNumPr = new Map<string, NumPr>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: string | null, stylesXml: string | null) {
    if (numberingXml) {
      const doc = root(numberingXml);
      for (const a of findAll(doc, 'abstractNum')) {
        const levels: Level[] = [];
        for (const l of kids(a, 'lvl')) {
          levels[Number(attrOf(l, 'ilvl') ?? 0)] = {
            start: Number(val(kids(l, 'start')[0]) ?? 1),
            format: val(kids(l, 'numFmt')[0]) ?? 'decimal',
            text: val(kids(l, 'lvlText')[0]) ?? '',
          };
        }
        this.levels.set(attrOf(a, 'abstractNumId') ?? '', levels);
      }
      for (const n of findAll(doc, 'num')) {
        const abstractId = val(kids(n, 'abstractNumId')[0]);
        if (abstractId !== undefined) this.abstractOf.set(attrOf(n, 'numId') ?? '', abstractId);
      }
    }
    if (stylesXml) {
      for (const s of findAll(root(stylesXml), 'style')) {
        const numPr = numPrOf(kids(s, 'pPr')[0]);
        if (numPr) this.styleNumPr.set(attrOf(s, 'styleId') ?? '', numPr);
      }
    }
  }

  /** The label Word draws before this paragraph ("一、", "（二）", "3."), or "" when it is not numbered. */
  labelFor(pPr: DomNode | undefined): string {
    const style = val(kids(pPr, 'pStyle')[0]);
    const direct = numPrOf(pPr);
    const numPr = direct ?? (style ? this.styleNumPr.get(style) : undefined);
    if (!numPr || numPr.numId === '0') return '';
    const abstractId = this.abstractOf.get(numPr.numId);
    const levels = abstractId === undefined ? undefined : this.levels.get(abstractId);
    const level = levels?.[numPr.ilvl];
    if (!levels || !level || level.format === 'bullet') return '';
    // Word counts per abstract list: a level's counter goes up, deeper levels start again.
    const counts = this.counters.get(abstractId as string) ?? [];
    counts[numPr.ilvl] = (counts[numPr.ilvl] ?? level.start - 1) + 1;
    counts.length = numPr.ilvl + 1;
    this.counters.set(abstractId as string, counts);
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      return l ? formatNumber(counts[i] ?? l.start, l.format) : '';
    });
  }
}
