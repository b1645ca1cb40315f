// The public portal (no login). For now the home page and the sections to come; each module fills in its own.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { PORTAL_NAV, PortalPage } from '../layout.tsx';
import { html } from '../render.ts';

const SECTIONS: Record<string, string> = {
  '/guide': '政府信息公开指南说明主动公开的范围和方式、依申请公开的受理机构和办理程序等事项。',
  '/catalog': '政府信息公开目录按类别列出本机关主动公开的政府信息，提供索引号、发布机构、成文日期等信息。',
  '/apply':
    '公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。',
  '/reports': '政府信息公开工作年度报告按规定于每年1月31日（部门）、3月31日（人民政府）前公布。',
  '/search': '在本站主动公开的政府信息中检索。',
};

export const portalRoutes = new Hono<AppEnv>();

portalRoutes.get('/', (c) => {
  const settings = c.get('settings');
  return html(
    c,
    <PortalPage title="首页" settings={settings} current="/">
      <h1>{settings.siteName}</h1>
      <p>
        本站依据《中华人民共和国政府信息公开条例》设立，集中发布本级人民政府及其部门主动公开的政府信息，受理政府信息公开申请。
      </p>
      <h2>栏目导航</h2>
      <ul class="cards">
        {PORTAL_NAV.filter((item) => item.href !== '/').map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
            <p>{SECTIONS[item.href]}</p>
          </li>
        ))}
      </ul>
    </PortalPage>,
  );
});

// '/apply' has its own routes (apply.tsx).
for (const item of PORTAL_NAV) {
  if (item.href === '/' || item.href === '/apply') continue;
  portalRoutes.get(item.href, (c) =>
    html(
      c,
      <PortalPage title={item.label} settings={c.get('settings')} current={item.href}>
        <h1>{item.label}</h1>
        <p>{SECTIONS[item.href]}</p>
        {item.href === '/reports' ? (
          <p>
            <a href="/reports/check">年报检查</a>：上传或粘贴任何一份已公布的年度报告，检查勾稽关系、合计和格式问题。
          </p>
        ) : null}
        <p class="notice">本栏目正在建设中，敬请期待。</p>
      </PortalPage>,
    ),
  );
}
