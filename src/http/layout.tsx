// The page frame: one document shell for the portal (public) and the console (staff). Accessibility: lang,
// a skip link as the first focusable element, landmarks, one h1 per page, aria-current on the nav. No inline
// scripts (the CSP forbids them); a page may name one file under /static/ that only enhances it.
import type { Child } from 'hono/jsx';
import type { AppSettings } from './env.ts';
import { portalView, seniorHref } from './portal/senior.ts';

export interface NavItem {
  href: string;
  label: string;
}

export const PORTAL_NAV: readonly NavItem[] = [
  { href: '/', label: '首页' },
  { href: '/guide', label: '政府信息公开指南' },
  { href: '/catalog', label: '政府信息公开目录' },
  { href: '/apply', label: '依申请公开' },
  { href: '/reports', label: '政府信息公开年报' },
  { href: '/statistics', label: '数据统计' },
  { href: '/feedback', label: '公众留言' },
  { href: '/search', label: '搜索' },
];

function DemoBanner() {
  return (
    <div class="demo-banner" role="note">
      演示数据：本站内容均为虚构的示例，仅供试用，不具有任何效力。
    </div>
  );
}

function Nav(props: { items: readonly NavItem[]; current?: string; label: string }) {
  return (
    <nav aria-label={props.label} class="site-nav">
      <ul>
        {props.items.map((item) => (
          <li>
            <a href={item.href} aria-current={item.href === props.current ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface DocumentProps {
  title: string;
  settings: AppSettings;
  bodyClass: string;
  header: Child;
  /** More elements for <head> (the portal's feed links). */
  head?: Child;
  /** A file under /static/ for progressive enhancement: the page works fully without it. */
  script?: string | undefined;
  children?: Child;
}

function Document(props: DocumentProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${props.settings.siteName}`}</title>
        <link rel="stylesheet" href="/static/site.css" />
        {props.head}
        {props.script ? <script src={`/static/${props.script}`} defer /> : null}
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href="#main">
          跳至主要内容
        </a>
        {props.settings.demo ? <DemoBanner /> : null}
        {props.header}
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{props.settings.siteName}</p>
        </footer>
      </body>
    </html>
  );
}

export function PortalPage(props: {
  title: string;
  settings: AppSettings;
  current?: string;
  script?: string;
  children?: Child;
}) {
  const view = portalView();
  const header = (
    <header class="site-header">
      <div class="wrap">
        <p class="site-name">
          <a href="/">{props.settings.siteName}</a>
        </p>
        {/* After the navigation in the tab order, at the end of its row on screen. */}
        <div class="portal-bar">
          <Nav items={PORTAL_NAV} label="主导航" {...(props.current ? { current: props.current } : {})} />
          <a class="senior-toggle" href={seniorHref(view)}>
            {view.senior ? '退出适老化模式' : '适老化模式'}
          </a>
        </div>
      </div>
    </header>
  );
  const feeds = (
    <>
      <link rel="alternate" type="application/atom+xml" title="最新政府信息（Atom）" href="/feeds/catalog.atom" />
      <link rel="alternate" type="application/rss+xml" title="最新政府信息（RSS）" href="/feeds/catalog.rss" />
    </>
  );
  return (
    <Document
      title={props.title}
      settings={props.settings}
      bodyClass={view.senior ? 'portal senior' : 'portal'}
      header={header}
      head={feeds}
      script={props.script}
    >
      <div class="wrap">{props.children}</div>
    </Document>
  );
}

export interface ConsoleUser {
  displayName: string;
  roleLabel: string;
  agencyName: string;
}

export function ConsolePage(props: {
  title: string;
  settings: AppSettings;
  nav?: readonly NavItem[];
  current?: string;
  user?: ConsoleUser;
  csrf?: string;
  /** The notices link with its unread count (console/notices.tsx). */
  bell?: Child;
  children?: Child;
}) {
  const header = (
    <header class="site-header console-header">
      <div class="wrap">
        <p class="site-name">
          <a href="/console">{props.settings.siteName} · 工作平台</a>
        </p>
        {props.user ? (
          <div class="user-box">
            <span>
              {props.user.displayName}（{props.user.roleLabel}，{props.user.agencyName}）
            </span>
            {props.bell}
            <form method="post" action="/console/logout" class="inline">
              <input type="hidden" name="_csrf" value={props.csrf ?? ''} />
              <button type="submit">退出登录</button>
            </form>
          </div>
        ) : null}
        {props.nav && props.nav.length > 0 ? (
          <Nav items={props.nav} label="工作平台导航" {...(props.current ? { current: props.current } : {})} />
        ) : null}
      </div>
    </header>
  );
  return (
    <Document title={props.title} settings={props.settings} bodyClass="console" header={header}>
      <div class="wrap">{props.children}</div>
    </Document>
  );
}
