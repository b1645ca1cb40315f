// The demo district that `npm start` puts into an EMPTY database so a newcomer can try everything at once: a
// district people's government, its general office and two bureaus, one user per role. Every name is fictitious;
// the 统一社会信用代码 are well formed (GB 32100-2015 check character; GB 11714 check digit in the organization
// code) but belong to no real agency. Passwords are random and shown once; production starts with --no-demo.
import { createUser } from '../agencies/accounts.ts';
import { type Actor, type AgencyInput, ROLE_LABELS, type Role } from '../agencies/model.ts';
import { countUsers, listAgencyRows, updateUserRow } from '../agencies/repository.ts';
import { createAgency } from '../agencies/service.ts';
import { seedDemoAppeals } from '../appeals/demo.ts';
import type { Context } from '../context.ts';
import { seedDemoFigures } from '../figures/demo.ts';
import type { Database } from '../storage/db.ts';
import { transaction } from '../storage/transaction.ts';
import { seedDemoApplications } from './applications.ts';
import { seedDemoCatalog } from './catalog.ts';
import { seedDemoReports } from './reports.ts';

const SEED_ACTOR: Actor = { id: null, name: '系统:演示数据', role: 'sysadmin', agencyId: null, clientAddress: 'local' };

const OFFICE_HOURS = '工作日上午9:00至12:00，下午13:30至17:30（法定节假日除外）';

const GOVERNMENT: AgencyInput = {
  name: '示例区人民政府',
  shortName: '区政府',
  creditCode: '11320899014162705G',
  kind: 'government',
  officeAddress: '示例区人民路1号区政务服务中心二楼',
  officeHours: OFFICE_HOURS,
  officePhone: '0517-80000001',
  officeEmail: 'zfxxgk@example.gov.cn',
  website: 'https://www.example.gov.cn',
  reviewBody: '示例市人民政府',
  court: '示例市中级人民法院',
  letterPrefix: '示政信公开',
};

const DEPARTMENTS: Omit<AgencyInput, 'kind' | 'parentId'>[] = [
  {
    name: '示例区人民政府办公室',
    shortName: '区政府办',
    creditCode: '11320899014162887L',
    officeAddress: '示例区人民路1号',
    officeHours: OFFICE_HOURS,
    officePhone: '0517-80000002',
    reviewBody: '示例区人民政府',
    court: '示例区人民法院',
    letterPrefix: '示政办信公开',
  },
  {
    name: '示例区市场监督管理局',
    shortName: '区市场监管局',
    creditCode: '113208990141629678',
    officeAddress: '示例区健康路18号',
    officeHours: OFFICE_HOURS,
    officePhone: '0517-80000003',
    reviewBody: '示例区人民政府',
    court: '示例区人民法院',
    letterPrefix: '示市监信公开',
  },
  {
    name: '示例区教育局',
    shortName: '区教育局',
    creditCode: '11320899014163011L',
    officeAddress: '示例区文化路6号',
    officeHours: OFFICE_HOURS,
    officePhone: '0517-80000004',
    reviewBody: '示例区人民政府',
    court: '示例区人民法院',
    letterPrefix: '示教信公开',
  },
];

/** One user per role: username, name, role, and the agency (index into [government, ...departments]; null: none). */
const USERS: { username: string; displayName: string; role: Role; agency: number | null }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'sysadmin', agency: null },
  { username: 'bgs.admin', displayName: '刘洋', role: 'agencyAdmin', agency: 1 },
  { username: 'scjg.handler', displayName: '王芳', role: 'handler', agency: 2 },
  { username: 'scjg.reviewer', displayName: '李强', role: 'reviewer', agency: 2 },
  { username: 'scjg.publisher', displayName: '张敏', role: 'publisher', agency: 2 },
  { username: 'qzf.inspector', displayName: '陈静', role: 'inspector', agency: 0 },
  // 政务公开办 of the district government: approves the departments' annual reports.
  { username: 'qzf.reviewer', displayName: '周婷', role: 'reviewer', agency: 0 },
];

export interface DemoCredential {
  username: string;
  displayName: string;
  roleLabel: string;
  agencyName: string;
  password: string;
}

/** Whether the database holds the demo district (every page then shows the 演示数据 banner). */
export async function isDemoDatabase(db: Database): Promise<boolean> {
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row?.value === '1';
}

export interface SeedOptions {
  /** Also publish the demo catalogue (demo/catalog.ts), last year's appeals, yearly figures, applications and
   * published annual reports (demo/applications.ts, demo/reports.ts): `npm start` does;
   * tests that only need users do not. */
  catalog?: boolean;
}

/** Seed the demo district into an empty database; null (and nothing written) when it holds any agency or user. */
export async function seedDemo(ctx: Context, options: SeedOptions = {}): Promise<DemoCredential[] | null> {
  if ((await countUsers(ctx.db.kysely)) > 0 || (await listAgencyRows(ctx.db.kysely)).length > 0) return null;
  const government = await createAgency(SEED_ACTOR, ctx, GOVERNMENT);
  const agencies = [government];
  for (const d of DEPARTMENTS)
    agencies.push(await createAgency(SEED_ACTOR, ctx, { ...d, kind: 'department', parentId: government.id }));
  const credentials: DemoCredential[] = [];
  const ids: number[] = [];
  for (const u of USERS) {
    const agency = u.agency === null ? null : (agencies[u.agency] ?? null);
    const { user, generatedPassword } = await createUser(SEED_ACTOR, ctx, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      agencyId: agency?.id ?? null,
    });
    ids.push(user.id);
    credentials.push({
      username: user.username,
      displayName: user.displayName,
      roleLabel: ROLE_LABELS[user.role],
      agencyName: agency?.name ?? '全系统',
      password: generatedPassword as string,
    });
  }
  if (options.catalog) {
    await seedDemoCatalog(ctx, agencies);
    await seedDemoAppeals(ctx, agencies);
    await seedDemoFigures(SEED_ACTOR, ctx, agencies);
    await seedDemoApplications(ctx, agencies);
    await seedDemoReports(ctx, agencies);
  }
  // Demo accounts may be used at once: the password printed at start is not one an administrator chose for
  // someone else, so the forced change at first login (accounts.ts) is waived — in demo data only.
  await transaction(ctx, SEED_ACTOR, { action: 'demo.seed', objectType: 'meta', objectId: 'demo' }, async (tx) => {
    for (const id of ids) await updateUserRow(tx.kysely, id, { must_change_password: false }, tx.now);
    await tx.kysely.insertInto('meta').values({ key: 'demo', value: '1' }).execute();
    tx.note({ detail: `users:${ids.join(',')}` });
  });
  return credentials;
}

/** The lines `npm start` prints, once. Tests read the `  username … 密码：…` lines. */
export function formatCredentials(credentials: readonly DemoCredential[]): string {
  const lines = credentials.map(
    (c) => `  ${c.username.padEnd(16)}${c.displayName}（${c.roleLabel}，${c.agencyName}）  密码：${c.password}`,
  );
  return [
    '演示模式：已在空数据库中建立演示数据（示例区人民政府及其三个部门，各角色用户各一名）。',
    '以下密码只显示这一次，请立即记录：',
    ...lines,
    '正式使用请以 GONGKAI_DEMO=0（或 npm start -- --no-demo）启动一个新的空数据库。',
  ].join('\n');
}
