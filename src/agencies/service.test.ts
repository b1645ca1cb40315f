import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/engines.ts';
import { buildAgencyInput, buildHierarchy, buildUser, CLI, creditCode, testContext } from '../../test/platform.ts';
import type { Context } from '../context.ts';
import { authorize } from './authorize.ts';
import type { Agency } from './model.ts';
import { createAgency, getAgency, listAgencies, pathWithin, subtreeIds, updateAgency } from './service.ts';

forEachEngine((_engine, getDb) => {
  let ctx: Context;
  let tree: { government: Agency; department: Agency; unit: Agency; other: Agency };
  beforeAll(async () => {
    ctx = testContext(getDb());
    tree = await buildHierarchy(ctx);
  });

  it('stores every field of an agency', async () => {
    const agency = await getAgency(CLI, ctx, tree.government.id);
    expect(agency).toMatchObject({
      kind: 'government',
      parentId: null,
      officePhone: '0517-83606114',
      officeEmail: 'gkb@example.gov.cn',
      website: 'https://www.example.gov.cn',
      reviewBody: '测试省人民政府',
      court: '测试市中级人民法院',
      letterPrefix: '测政信公开',
      createdAt: '2025-09-29T01:00:00.000Z',
    });
    expect(agency.creditCode).toMatch(/^11320800/);
    expect(await subtreeIds(ctx, tree.government.id)).toEqual([tree.government.id, tree.department.id, tree.unit.id]);
    const all = await listAgencies(CLI, ctx);
    expect(pathWithin(all, tree.unit.id)).toEqual([tree.government.id, tree.department.id, tree.unit.id]);
    expect(pathWithin(all, null)).toEqual([]);
  });

  it('names the field in a validation message', async () => {
    await expect(createAgency(CLI, ctx, buildAgencyInput({ creditCode: '91350100M000100Y44' }))).rejects.toMatchObject({
      code: 'validation',
      field: 'creditCode',
      message: '统一社会信用代码：校验码不符（第18位应为“3”），请核对',
    });
    await expect(createAgency(CLI, ctx, buildAgencyInput({ officeEmail: 'not-mail' }))).rejects.toThrow(
      '电子邮箱：应为电子邮箱地址，如 gkb@example.gov.cn',
    );
    await expect(createAgency(CLI, ctx, buildAgencyInput({ name: undefined as unknown as string }))).rejects.toThrow(
      '机构全称：必须填写',
    );
  });

  it('turns a duplicate credit code into one conflict error on every engine', async () => {
    const error = await createAgency(CLI, ctx, buildAgencyInput({ creditCode: tree.government.creditCode })).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: 'conflict', field: 'creditCode', message: '统一社会信用代码已存在，不能重复' });
  });

  it('keeps the hierarchy sound', async () => {
    await expect(createAgency(CLI, ctx, buildAgencyInput({ kind: 'department' }))).rejects.toThrow(
      '上级机构：政府部门应有上级机构',
    );
    await expect(
      createAgency(CLI, ctx, buildAgencyInput({ kind: 'government', parentId: tree.department.id })),
    ).rejects.toThrow('上级机构：人民政府的上级应为人民政府');
    await expect(updateAgency(CLI, ctx, tree.department.id, { parentId: tree.unit.id })).rejects.toThrow(
      '上级机构：不能把机构放到它自己或其下级机构之下',
    );
    await expect(createAgency(CLI, ctx, buildAgencyInput({ kind: 'department', parentId: 9999 }))).rejects.toThrow(
      '上级机构：机构（9999）不存在',
    );
  });

  it('records an update with what changed, in the same transaction', async () => {
    const updated = await updateAgency(CLI, ctx, tree.department.id, { officeHours: '工作日 9:00-17:00' });
    expect(updated.officeHours).toBe('工作日 9:00-17:00');
    const entry = await getDb()
      .kysely.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'agency.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ object_type: 'agency', object_id: String(tree.department.id), outcome: 'success' });
    expect(JSON.parse(entry.summary)).toEqual({
      before: { officeHours: null },
      after: { officeHours: '工作日 9:00-17:00' },
    });
  });

  it('lets an agency administrator change only their own agency, and records the refusal', async () => {
    const { actor } = await buildUser(ctx, 'agencyAdmin', tree.department.id);
    await updateAgency(actor, ctx, tree.department.id, { officeFax: '0517-83606115' });
    await expect(updateAgency(actor, ctx, tree.government.id, { officeFax: '1' })).rejects.toMatchObject({
      code: 'forbidden',
      message: '无权修改该机构的设置',
    });
    await expect(createAgency(actor, ctx, buildAgencyInput({ creditCode: creditCode(77) }))).rejects.toThrow(
      '无权新建机构',
    );
    const refused = await getDb()
      .kysely.selectFrom('audit_log')
      .selectAll()
      .where('outcome', '=', 'failure')
      .where('action', '=', 'agency.update')
      .where('actor_name', '=', actor.name)
      .executeTakeFirstOrThrow();
    expect(refused).toMatchObject({ actor_id: actor.id, object_id: String(tree.government.id) });
    expect(JSON.parse(refused.summary)).toEqual({ error: 'forbidden' });
  });

  it('computes relations from the stored hierarchy', async () => {
    const { actor } = await buildUser(ctx, 'inspector', tree.department.id);
    await authorize(actor, ctx, 'application.view', tree.department.id);
    await authorize(actor, ctx, 'application.view', tree.unit.id);
    await expect(authorize(actor, ctx, 'application.view', tree.government.id)).rejects.toThrow('无权查看');
    await expect(authorize(actor, ctx, 'application.view', tree.other.id)).rejects.toThrow('无权查看');
  });
});
