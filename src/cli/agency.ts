// `gongkai agency create|list`: set up the hierarchy from the command line before anyone can sign in.
import { AGENCY_KIND_LABELS, type AgencyInput, type AgencyKind } from '../agencies/model.ts';
import { findAgencyByKey } from '../agencies/repository.ts';
import { createAgency, listAgencies } from '../agencies/service.ts';
import { errors } from '../errors.ts';
import { actor, type CliDeps, parse, runGuarded, UsageError, withContext } from './deps.ts';
import type { Io } from './io.ts';

export const AGENCY_USAGE = `  gongkai agency create --name 全称 --kind government|department [--parent 上级机构] [--credit-code 代码]
        [--short-name 简称] [--address 地址] [--hours 办公时间] [--phone 电话] [--fax 传真] [--email 邮箱]
        [--website 网址] [--review-body 复议机关] [--court 人民法院] [--letter-prefix 文书编号前缀]
      新建机构（government 人民政府，department 政府部门）
  gongkai agency list
      列出全部机构`;

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
      [...Object.keys(FLAGS), 'kind', 'parent'].map((name) => [name, { type: 'string' as const }]),
    );
    const { values, positionals } = parse(args, options);
    const [sub, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
    const v = values as Record<string, string | undefined>;
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
