// `gongkai fee --items N | --pages N`: the 信息处理费 and its arithmetic (国办函〔2020〕109号, applications/fees.ts),
// as printed on a 收费通知书. No database.
import { computeFee, FEE_BASIS_LABELS, type FeeBasis } from '../applications/fees.ts';
import { parse, runGuarded, UsageError } from './deps.ts';
import type { Io } from './io.ts';

export const FEE_USAGE = `  gongkai fee --items N | --pages N
      按件（同一申请人一个自然月内的申请件数）或按量（页数）计算信息处理费（国办函〔2020〕109号，超额累进），
      输出金额（元）及计算过程`;

const USAGE = `用法：\n${FEE_USAGE}`;

export async function feeCommand(args: string[], io: Io): Promise<number> {
  return runGuarded(io, USAGE, async () => {
    const { values, positionals } = parse(args, { items: { type: 'string' }, pages: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`多余的参数“${positionals.join(' ')}”`);
    const given = (['items', 'pages'] as const).filter((k) => values[k] !== undefined);
    if (given.length !== 1) throw new UsageError('请给出 --items 或 --pages 中的一项');
    const basis = given[0] as FeeBasis;
    const text = String(values[basis]);
    if (!/^\d{1,9}$/.test(text)) {
      io.stderr(`gongkai: 参数 --${basis}“${text}”无效，应为不小于0的整数`);
      return 2;
    }
    const fee = computeFee(basis, Number(text));
    const unit = basis === 'items' ? '件' : '页';
    io.stdout(`${FEE_BASIS_LABELS[basis]}，共${fee.quantity}${unit}：${fee.amount}元\n${fee.text.join('\n')}`);
    return 0;
  });
}
