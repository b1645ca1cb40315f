// Demo cases for last year (issue 6: right after `npm start` the demo district has last year's records): a few
// 行政复议 and 行政诉讼 cases of the 市场监督管理局 — one decided after 31 December, so it is 尚未审结 in last year's
// table 四 — and the government named as co-defendant 复议机关 of a suit (recorded, not counted: 201号). The seed
// (demo/seed.ts) may call seedDemoAppeals(ctx, agencies) after the agencies exist.
import type { Actor, Agency } from '../agencies/model.ts';
import { beijingDate, yearOf } from '../calendar/dates.ts';
import type { Context } from '../context.ts';
import type { CaseInput } from './schema.ts';
import { recordCase } from './service.ts';

const seeder = (agencyId: number): Actor => ({
  id: null,
  name: '系统:演示数据',
  role: 'handler',
  agencyId,
  clientAddress: 'local',
});

/** `agencies` as the seed makes them: [government, 办公室, 市场监督管理局, 教育局]. */
export async function seedDemoAppeals(ctx: Context, agencies: readonly Agency[]): Promise<number> {
  const government = agencies[0];
  const market = agencies[2];
  if (!government || !market) return 0;
  const y = yearOf(beijingDate(ctx.clock())) - 1;
  const court = '示例区人民法院';
  const record = (agency: Agency, input: CaseInput) => recordCase(seeder(agency.id), ctx, agency.id, input);
  const first = await record(market, {
    kind: 'reconsideration',
    bodyName: government.name,
    caseNo: `示政复〔${y}〕3号`,
    appellantName: '周演示',
    filedOn: `${y}-03-12`,
    result: 'upheld',
    resultOn: `${y}-05-08`,
    resultNote: '维持原答复',
  });
  await record(market, {
    kind: 'reconsideration',
    bodyName: government.name,
    caseNo: `示政复〔${y}〕9号`,
    appellantName: '吴演示',
    filedOn: `${y}-06-20`,
    result: 'corrected',
    resultOn: `${y}-08-15`,
    resultNote: '责令重新答复',
  });
  await record(market, {
    kind: 'reconsideration',
    bodyName: government.name,
    caseNo: `示政复〔${y}〕21号`,
    appellantName: '郑演示',
    filedOn: `${y}-11-18`,
    result: 'other',
    resultOn: `${y + 1}-01-09`,
    resultNote: '申请人撤回申请（次年作出，当年计为尚未审结）',
  });
  await record(market, {
    kind: 'litigationDirect',
    bodyName: court,
    caseNo: `（${y}）示0101行初8号`,
    appellantName: '王演示',
    filedOn: `${y}-09-02`,
  });
  const suit = {
    kind: 'litigationAfterReconsideration' as const,
    bodyName: court,
    caseNo: `（${y}）示0101行初3号`,
    appellantName: '周演示',
    filedOn: `${y}-06-01`,
    result: 'upheld' as const,
    resultOn: `${y}-10-30`,
    resultNote: '驳回诉讼请求',
  };
  await record(market, { ...suit, earlierCaseId: first.id });
  await record(government, { ...suit, role: 'reviewBodyCoDefendant' });
  return 6;
}
