import { expect, it } from 'vitest';
import { feeCommand } from './fee.ts';
import { memoryIo } from './io.ts';
import { runCli } from './main.ts';

const run = async (args: string[]) => {
  const io = memoryIo();
  const code = await feeCommand(args, io);
  return { code, out: io.out, err: io.err };
};

it('prints the amount and the arithmetic by item', async () => {
  expect(await run(['--items', '45'])).toEqual({
    code: 0,
    out:
      '按件计收，共45件：5500元\n第1至10件：免费\n第11至30件：20件×100元＝2000元\n' +
      '第31至40件：10件×200元＝2000元\n第41至45件：5件×300元＝1500元\n合计：5500元\n',
    err: '',
  });
});

it('prints the amount by page, through the main switch', async () => {
  const io = memoryIo();
  expect(await runCli(['fee', '--pages=101'], io)).toBe(0);
  expect(io.out).toBe(
    '按量计收，共101页：720元\n第1至30页：免费\n第31至100页：70页×10元＝700元\n第101页：1页×20元＝20元\n合计：720元\n',
  );
});

it('exits 2 on a missing, doubled or invalid count', async () => {
  expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('请给出 --items 或 --pages 中的一项') });
  expect(await run(['--items', '3', '--pages', '4'])).toMatchObject({ code: 2 });
  expect(await run(['--pages', '-1'])).toMatchObject({ code: 2 });
  expect(await run(['--pages', 'x'])).toEqual({
    code: 2,
    out: '',
    err: 'gongkai: 参数 --pages“x”无效，应为不小于0的整数\n',
  });
});
