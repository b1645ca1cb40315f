// The demo district's yearly figures (行政许可, 行政处罚, 行政强制 decisions and 行政事业性收费), for the last two
// years, so a compiled demo report shows a filled table 二. Fictitious, like all demo data.
import type { Actor, Agency } from '../agencies/model.ts';
import { beijingDate, yearOf } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import { saveFigures } from './service.ts';

/** Per agency in seeding order: the government, its office, the market regulator, the education bureau. */
const FIGURES = [
  { licensing: 412, punishment: 37, coercion: 5, fees: '86.40' },
  { licensing: 0, punishment: 0, coercion: 0, fees: '0' },
  { licensing: 1268, punishment: 215, coercion: 43, fees: '152.75' },
  { licensing: 96, punishment: 3, coercion: 0, fees: '12.60' },
];

export async function seedDemoFigures(actor: Actor, ctx: Context, agencies: readonly Agency[]): Promise<void> {
  const last = yearOf(beijingDate(ctx.clock())) - 1;
  for (const [i, agency] of agencies.entries()) {
    const f = FIGURES[i];
    if (!f) continue;
    for (const year of [last - 1, last]) {
      const scale = year === last ? 1 : 0.9;
      await saveFigures(actor, ctx, agency.id, {
        year,
        licensing: Math.round(f.licensing * scale),
        punishment: Math.round(f.punishment * scale),
        coercion: Math.round(f.coercion * scale),
        fees: year === last ? f.fees : (Number(f.fees) * scale).toFixed(2),
        source: '演示数据：本机关业务系统年度统计',
      });
    }
  }
}
