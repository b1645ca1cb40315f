// Named builders for the platform's tests: agencies with valid credit codes, users, a context with a hand-moved clock.

import { createUser } from '../src/agencies/accounts.ts';
import { creditCodeCheckChar } from '../src/agencies/credit-code.ts';
import { type Actor, type AgencyInput, cliActor, type Role, type User, userActor } from '../src/agencies/model.ts';
import { createAgency } from '../src/agencies/service.ts';
import { DEFAULT_SECURITY, type SecurityConfig } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import type { Database } from '../src/storage/db.ts';

/** The lowest argon2 cost config.ts allows: the tests hash many passwords. */
export const TEST_SECURITY: SecurityConfig = { ...DEFAULT_SECURITY, argon2MemoryKib: 8192, argon2TimeCost: 1 };

export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(minutes: number): void;
}

export function testClock(start = '2025-09-29T01:00:00.000Z'): TestClock {
  let now = Date.parse(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = Date.parse(iso);
  };
  clock.advance = (minutes) => {
    now += minutes * 60_000;
  };
  return clock;
}

export function testContext(db: Database, clock: () => Date = testClock()): Context {
  return { db, clock, security: TEST_SECURITY };
}

/** A valid 统一社会信用代码 for a 机关 (登记管理部门 1, 机构类别 1) in 淮安市 (320800). */
export function creditCode(n: number): string {
  const first17 = `11320800${String(n).padStart(8, '0')}1`;
  return first17 + creditCodeCheckChar(first17);
}

export const CLI = cliActor('tester');

let agencySeq = 0;

export function buildAgencyInput(overrides: Partial<AgencyInput> = {}): AgencyInput {
  agencySeq += 1;
  return {
    name: `测试市人民政府${agencySeq}`,
    kind: 'government',
    creditCode: creditCode(1000 + agencySeq),
    officeAddress: '测试市政务服务中心',
    officePhone: '0517-83606114',
    officeEmail: 'gkb@example.gov.cn',
    website: 'https://www.example.gov.cn',
    reviewBody: '测试省人民政府',
    court: '测试市中级人民法院',
    letterPrefix: '测政信公开',
    ...overrides,
  };
}

/** A people's government with one department under it, plus an unrelated government. */
export async function buildHierarchy(ctx: Context) {
  const government = await createAgency(CLI, ctx, buildAgencyInput());
  const department = await createAgency(
    CLI,
    ctx,
    buildAgencyInput({ name: `${government.name}办公室`, kind: 'department', parentId: government.id }),
  );
  const unit = await createAgency(
    CLI,
    ctx,
    buildAgencyInput({ name: `${department.name}下属中心`, kind: 'department', parentId: department.id }),
  );
  const other = await createAgency(CLI, ctx, buildAgencyInput({ name: `${government.name}（无关）` }));
  return { government, department, unit, other };
}

let userSeq = 0;

export async function buildUser(
  ctx: Context,
  role: Role,
  agencyId: number | null,
  overrides: { username?: string; password?: string } = {},
): Promise<{ user: User; actor: Actor; password: string }> {
  userSeq += 1;
  const password = overrides.password ?? `Aa1!pass-${userSeq}`;
  const { user } = await createUser(CLI, ctx, {
    username: overrides.username ?? `${role.toLowerCase()}${userSeq}`,
    displayName: `测试用户${userSeq}`,
    role,
    agencyId,
    password,
  });
  return { user, actor: userActor(user), password };
}
