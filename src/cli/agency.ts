// `gongkai agency create|list|set`: set up the hierarchy from the command line before anyone can sign in, and change
// an agency's settings (whether replies need a reviewer's approval) with the same service and audit entry as the
// console's setting.
import { AGENCY_KIND_LABELS, type AgencyInput, type AgencyKind } from '../agencies/model.ts';
import { findAgencyByKey } from '../agencies/repository.ts';
import { createAgency, listAgencies } from '../agencies/service.ts';
import { setReplyReview } from '../applications/review.ts';
import { errors } from '../errors.ts';
import { actor, type CliDeps, parse, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const AGENCY_USAGE = `  gongkai agency create --name 全称 --kind government|department [--parent 上级机构] [--credit-code 代码]
        [--short-name 简称] [--address 地址] [--hours 办公时间] [--phone 电话] [--fax 传真] [--email 邮箱]
        [--website 网址] [--review-body 复议机关] [--court 人民法院] [--letter-prefix 文书编号前缀]
      新建机构（government 人民政府，department 政府部门）
  gongkai agency list
      列出全部机构
  gongkai agency set 机构 --reply-review on|off
      设置答复是否须经审核人审核后发出（机构可为编号、全称、简称或统一社会信用代码）`;

const FLAGS: Record<string, keyof AgencyInput> = {
  name: 'name',
  'short-name': 'shortName',
  'credit-code': 'creditCode',
  address: 'officeAddress',
  hours: 'officeHours',
  phone: 'officePhone',
  fax: 'officeFax',
  email: 'officeEmail',
  website: 'website',
  'review-body': 'reviewBody',
  court: 'court',
  'letter-prefix': 'letterPrefix',
};

export async function agencyCommand(args: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  return runGuarded(io, `用法：\n${AGENCY_USAGE}`, async () => {
    const options = Object.fromEntries(
      [...Object.keys(FLAGS), 'kind', 'parent', 'reply-review'].map((name) => [name, { type: 'string' as const }]),
    );
    const { values, positionals } = parse(args, options);
    const [sub, ...rest] = positionals;
    const v = values as Record<string, string | undefined>;
    if (sub === 'set') return setCommand(rest, v, io, deps);
    if (rest.length > 0) throw new UsageError(`多余的参数：${rest.join(' ')}`);
    if (sub === 'create') {
      return withContext(deps, async (ctx) => {
        const input: Record<string, unknown> = { kind: v.kind as AgencyKind };
        for (const [flag, key] of Object.entries(FLAGS)) if (v[flag] !== undefined) input[key] = v[flag];
        if (v.parent !== undefined) {
          const parent = await findAgencyByKey(ctx.db.kysely, v.parent);
          if (!parent) throw errors.validation('parentId', '上级机构', `找不到机构“${v.parent}”`);
          input.parentId = parent.id;
        }
        const agency = await createAgency(actor(), ctx, input as unknown as AgencyInput);
        io.stdout(`已新建机构 ${agency.name}（${AGENCY_KIND_LABELS[agency.kind]}，编号 ${agency.id}）`);
        return 0;
      });
    }
    if (sub === 'list') {
      return withContext(deps, async (ctx) => {
        const agencies = await listAgencies(actor(), ctx);
        for (const a of agencies) {
          io.stdout(
            `${a.id}\t${a.name}\t${AGENCY_KIND_LABELS[a.kind]}\t上级：${a.parentId ?? '无'}\t${a.creditCode ?? ''}`,
          );
        }
        if (agencies.length === 0) io.stdout('（没有机构）');
        return 0;
      });
    }
    throw new UsageError(sub ? `未知的 agency 子命令“${sub}”` : '缺少 agency 子命令');
  });
}

const SWITCH: Record<string, boolean> = { on: true, off: false };

/** `agency set 机构 --reply-review on|off`: the console's setting (agency-review.tsx), through the same service. */
async function setCommand(
  positionals: string[],
  v: Record<string, string | undefined>,
  io: Io,
  deps: CliDeps,
): Promise<number> {
  const [key, ...extra] = positionals;
  if (!key) throw new UsageError('缺少机构（编号、全称、简称或统一社会信用代码）');
  if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
  const others = Object.keys(v).filter((name) => name !== 'reply-review' && v[name] !== undefined);
  if (others.length > 0) throw new UsageError(`agency set 不接受 --${others.join('、--')}`);
  const value = v['reply-review'];
  if (value === undefined) throw new UsageError('缺少要修改的设置：--reply-review on|off');
  const on = SWITCH[value.trim().toLowerCase()];
  if (on === undefined)
    throw errors.validation('replyReview', '答复审核', `“${value}”无效，应为 on（须经审核）或 off（无需审核）`);
  return withContext(deps, async (ctx) => {
    const agency = await findAgencyByKey(ctx.db.kysely, key);
    if (!agency) throw errors.validation('agency', '机构', `找不到机构“${key}”`);
    await setReplyReview(actor(), ctx, agency.id, on);
    io.stdout(
      `已设置 ${agency.name}（编号 ${agency.id}）：答复${on ? '须经审核人审核后发出' : '无需审核，承办人直接记录答复'}`,
    );
    return 0;
  });
}
