// 信息处理费 (《政府信息公开信息处理费管理办法》，国办函〔2020〕109号). Pure arithmetic, no I/O.
//
// Charged only when the number or frequency of applications clearly exceeds a reasonable range (条例第四十二条).
// Per application ONE basis is chosen, each progressive (超额累进):
//   按件 (by item), counting the same applicant's applications in one natural month:
//     第1至10件免费；第11至30件每件100元；自第31件起，每增加10件，每件收费标准提高100元
//     (31–40: 200元, 41–50: 300元 …).
//   按量 (by volume: paper copies, email or copied data), by page:
//     30页以下（含30页）免费；31至100页每页10元；101至200页每页20元；201页以上每页40元.
// Every price is a whole number of 元, so amounts are integers in 元 (no 分 needed).
import { errors } from '../errors.ts';

export const FEE_BASES = ['items', 'pages'] as const;
export type FeeBasis = (typeof FEE_BASES)[number];
export const FEE_BASIS_LABELS: Record<FeeBasis, string> = { items: '按件计收', pages: '按量计收' };
const UNIT: Record<FeeBasis, string> = { items: '件', pages: '页' };

/** One band of the progressive scale as applied: “第11至30件：20件×100元＝2000元”. */
export interface FeeLine {
  from: number;
  to: number;
  count: number;
  /** 元 per item or page; 0 for the free band. */
  unitPrice: number;
  /** 元. */
  amount: number;
  text: string;
}

export interface Fee {
  basis: FeeBasis;
  /** Applications in the month, or pages. */
  quantity: number;
  /** 元, an integer. */
  amount: number;
  lines: FeeLine[];
  /** The arithmetic for the 收费通知书: one line per band, then “合计：5500元”. */
  text: string[];
}

interface Band {
  from: number;
  /** Inclusive; Infinity for the open band. */
  to: number;
  price: number;
}

/** 按量: 1–30 free, 31–100 at 10, 101–200 at 20, 201+ at 40 元/页. */
const PAGE_BANDS: readonly Band[] = [
  { from: 1, to: 30, price: 0 },
  { from: 31, to: 100, price: 10 },
  { from: 101, to: 200, price: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, price: 40 },
];

/** 按件: 1–10 free, 11–30 at 100, then bands of 10 each 100元 dearer than the last — as many as n needs. */
function itemBands(n: number): Band[] {
  const bands: Band[] = [
    { from: 1, to: 10, price: 0 },
    { from: 11, to: 30, price: 100 },
  ];
  for (let from = 31, price = 200; from <= n; from += 10, price += 100) bands.push({ from, to: from + 9, price });
  return bands;
}

function range(from: number, to: number, unit: string): string {
  return from === to ? `第${from}${unit}` : `第${from}至${to}${unit}`;
}

export function computeFee(basis: FeeBasis, quantity: number): Fee {
  if (!FEE_BASES.includes(basis)) throw errors.validation('basis', '计费方式', '应为按件（items）或按量（pages）');
  if (!Number.isSafeInteger(quantity) || quantity < 0)
    throw errors.validation('quantity', basis === 'items' ? '申请件数' : '页数', '应为不小于0的整数');
  const unit = UNIT[basis];
  const bands = basis === 'items' ? itemBands(quantity) : PAGE_BANDS;
  const lines: FeeLine[] = [];
  for (const band of bands) {
    if (quantity < band.from) break;
    const to = Math.min(band.to, quantity);
    const count = to - band.from + 1;
    const amount = count * band.price;
    const where = range(band.from, to, unit);
    const text = band.price === 0 ? `${where}：免费` : `${where}：${count}${unit}×${band.price}元＝${amount}元`;
    lines.push({ from: band.from, to, count, unitPrice: band.price, amount, text });
  }
  const amount = lines.reduce((sum, l) => sum + l.amount, 0);
  return { basis, quantity, amount, lines, text: [...lines.map((l) => l.text), `合计：${amount}元`] };
}

/** 按件: the same applicant's applications in one natural month (一事一申请 splits count separately). */
export const feeByItems = (applicationsInMonth: number) => computeFee('items', applicationsInMonth);
/** 按量: pages of paper copies, or their equivalent in email or copied data. */
export const feeByPages = (pages: number) => computeFee('pages', pages);
