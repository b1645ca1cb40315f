// 通知 in the console: the header's count, the list, and 标为已读 (POST with the CSRF token), own notices only.
import { expect, it } from 'vitest';
import { buildOnlineInput } from '../../test/applications.ts';
import { forEachEngine } from '../../test/engines.ts';
import { submitOnline } from '../applications/service.ts';
import { newHandler } from './application-testing.ts';
import { demoUsers, testApp } from './testing.ts';

forEachEngine((_engine, getDb) => {
  it('shows the unread count in the header, lists the notices and marks them read', async () => {
    const { app, ctx } = testApp(getDb());
    await demoUsers(ctx);
    const agency = await getDb().kysely.selectFrom('agencies').select('id').orderBy('id').executeTakeFirstOrThrow();
    const { client } = await newHandler(app, ctx, 'notice.handler', agency.id);
    const other = await newHandler(app, ctx, 'notice.other', agency.id);
    const { trackingNo } = await submitOnline(ctx, buildOnlineInput(agency.id));

    const home = await (await client.get('/console')).text();
    expect(home).toContain('aria-label="通知，1条未读"');
    expect(home).toContain('<strong>（1）</strong>');
    const page = await (await client.get('/console/notices')).text();
    expect(page).toContain(`收到新的网上申请（查询号${trackingNo}），请及时确认收到。`);
    const id = /action="\/console\/notices\/(\d+)\/read"/.exec(page)?.[1];
    expect(id).toBeDefined();

    // Without the CSRF token: refused. Another user's notice: not found, still unread.
    expect((await client.post(`/console/notices/${id}/read`, {})).status).toBe(403);
    const token = await other.client.csrf('/console/notices');
    await other.client.post('/console/notices/read', { _csrf: token });
    const stranger = await other.client.post(`/console/notices/${id}/read`, { _csrf: token });
    expect(stranger.status).toBe(404);

    const res = await client.post(`/console/notices/${id}/read`, { _csrf: await client.csrf('/console/notices') });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/notices');
    const after = await (await client.get('/console/notices')).text();
    expect(after).not.toContain('【未读】');
    expect(after).toContain('aria-label="通知，没有未读"');
  });
});
