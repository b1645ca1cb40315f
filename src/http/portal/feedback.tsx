// 公众留言 on the portal, without an account (issue 5 point 9, 优化反馈渠道、快速响应机制): the form (/feedback/new,
// from an item's page /feedback/new?item=ID), the thank-you page with the 留言编号 and 查询码, the status page
// (/feedback/status, POST only: a code never travels in a URL) and the list of public answers (/feedback).
//
// Anti-abuse as on the online application form (apply.tsx), nothing a blind or elderly person has to solve: a rate
// limit per client address (5 messages an hour; lookups share the application's budget of tries), a hidden trap field,
// and a signed form stamp (form-stamp.ts) — a form sent back within 3 s is shown again, asking to confirm.
import { type Context, Hono } from 'hono';
import { listAgencyRows } from '../../agencies/repository.ts';
import { publicItem } from '../../catalog/queries.ts';
import { isDomainError } from '../../errors.ts';
import { DEFAULT_DEADLINE_DAYS } from '../../feedback/model.ts';
import { listPublicAnswers, lookupFailed, statusForSender } from '../../feedback/queries.ts';
import { deadlineDaysOf } from '../../feedback/repository.ts';
import { submitFeedback } from '../../feedback/service.ts';
import { type FormError, formError, formValues, idOrText, type Values } from '../console/form.tsx';
import { Pager } from '../console/pager.tsx';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { limitKey, type RateLimit, rateLimit } from '../rate-limit.ts';
import { html } from '../render.ts';
import { lookupLimit } from './apply.tsx';
import { HONEYPOT } from './apply-form.tsx';
import { beijingTime } from './apply-views.tsx';
import { FeedbackForm, FeedbackLookupForm, PublicAnswers, SenderStatusBody, ThanksBody } from './feedback-views.tsx';
import { filledSlowly, formStamp } from './form-stamp.ts';

type C = Context<AppEnv>;

export const FEEDBACK_SUBMIT_LIMIT = { max: 5, windowMs: 3_600_000 };

const TOO_FAST = '为防止自动程序批量提交，请您再核对一遍填写的内容，然后再次点击“提交留言”。您填写的内容都已保留。';
const TRAP =
  '提交未成功：表单中一个应当留空的隐藏项被填写了（可能是浏览器自动填充造成的）。您填写的内容都已保留，请再次点击“提交留言”。';

/** The strings the service expects: blank is null, ids numbers, the consent box a boolean. */
function toInput(v: Values) {
  const text = (name: string) => (v[name]?.trim() ? v[name] : null);
  return {
    agencyId: idOrText(v.agencyId),
    itemId: idOrText(v.itemId),
    kind: text('kind'),
    subject: v.subject ?? '',
    content: v.content ?? '',
    name: text('name'),
    contact: text('contact'),
    publishConsent: v.publishConsent === '1',
  };
}

function str(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v : '';
}

const pageOf = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? '') ? Math.max(Number(value), 1) : 1);

function tooMany(c: C, retryAt: number, what: string) {
  const minutes = Math.max(1, Math.ceil((retryAt - c.get('ctx').clock().getTime()) / 60_000));
  c.header('Retry-After', String(minutes * 60));
  return html(
    c,
    <PortalPage title="请稍后再试" settings={c.get('settings')}>
      <h1>请稍后再试</h1>
      <p class="message">
        从您的网络地址{what}的次数较多，为防止滥用，暂时不能继续。请在 {beijingTime(retryAt)}
        （北京时间，约{minutes}分钟后）以后再试。
      </p>
      <p>如有急事，可以拨打受理机关的政府信息公开工作机构电话。</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </PortalPage>,
    429,
  );
}

/**
 * Fresh routes with their own count of submissions (one per app, so tests do not share them). `lookups` is the app's
 * budget of code tries, shared with the application status pages and the API.
 */
export function feedbackRoutes(lookups: RateLimit = lookupLimit()) {
  const submits = rateLimit(FEEDBACK_SUBMIT_LIMIT.max, FEEDBACK_SUBMIT_LIMIT.windowMs);
  const routes = new Hono<AppEnv>();
  const now = (c: C) => c.get('ctx').clock().getTime();
  const key = (c: C) => limitKey(c.get('clientAddress'));

  /** The published item of ?item= or the posted itemId; undefined when there is none or it is not public. */
  async function itemOf(c: C, raw: string | undefined) {
    if (!/^\d{1,12}$/.test(raw ?? '')) return undefined;
    const found = await publicItem(c.get('ctx'), Number(raw));
    if (!found) return undefined;
    const agencies = await listAgencyRows(c.get('ctx').db.kysely);
    const agency = agencies.find((a) => a.id === found.item.agencyId);
    return {
      id: found.item.id,
      title: found.item.title,
      agencyName: agency?.name ?? '',
      agencyId: found.item.agencyId,
    };
  }

  type Extra = { error?: FormError; notice?: string };
  async function formPage(
    c: C,
    values: Values,
    itemRaw: string | undefined,
    extra: Extra = {},
    status: 200 | 400 = 200,
  ) {
    const ctx = c.get('ctx');
    const item = await itemOf(c, itemRaw);
    const [agencies, stamp] = await Promise.all([listAgencyRows(ctx.db.kysely), formStamp(ctx)]);
    const dueDays = item ? await deadlineDaysOf(ctx.db.kysely, item.agencyId) : DEFAULT_DEADLINE_DAYS;
    const { [HONEYPOT]: _trap, ...kept } = values;
    const missing = itemRaw !== undefined && itemRaw !== '' && !item;
    return html(
      c,
      <PortalPage title="我要留言" settings={c.get('settings')}>
        <h1>我要留言</h1>
        <p>
          对政府信息公开工作有疑问、意见建议，或发现公开的信息有误、链接打不开，请在这里留言。已经留言？
          <a href="/feedback/status">查询留言答复</a>
        </p>
        {missing ? <p class="notice">所指的信息不存在或已不再公开，请选择受理机关后留言。</p> : null}
        <p>标有“必填”“必选”的项目必须填写。</p>
        <FeedbackForm
          csrf={csrfToken(c)}
          stamp={stamp}
          agencies={agencies}
          values={kept}
          item={item}
          dueDays={dueDays}
          {...extra}
        />
      </PortalPage>,
      status,
    );
  }

  routes.get('/feedback', async (c) => {
    const page = pageOf(c.req.query('page'));
    const list = await listPublicAnswers(c.get('ctx'), { page });
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    return html(
      c,
      <PortalPage title="公众留言" settings={c.get('settings')}>
        <h1>公众留言</h1>
        <p>以下是留言人同意公开的留言和机关的答复，不显示留言人的姓名和联系方式。</p>
        <ul class="actions">
          <li>
            <a href="/feedback/new">我要留言</a>
          </li>
          <li>
            <a href="/feedback/status">查询留言答复</a>
          </li>
        </ul>
        <PublicAnswers rows={list.rows} />
        <Pager total={list.total} page={list.page} pages={pages} href={(p) => `/feedback?page=${p}`} />
      </PortalPage>,
    );
  });

  routes.get('/feedback/new', (c) => formPage(c, {}, c.req.query('item')));

  routes.post('/feedback/new', async (c) => {
    const limit = submits.check(key(c), now(c));
    if (!limit.allowed) return tooMany(c, limit.retryAt, '提交留言');
    const body = await c.req.parseBody();
    const values = formValues(body);
    const item = values.itemId;
    if (str(body, HONEYPOT).trim() !== '') {
      submits.hit(key(c), now(c));
      return formPage(c, values, item, { notice: TRAP }, 400);
    }
    if (!(await filledSlowly(c.get('ctx'), str(body, 'stamp')))) return formPage(c, values, item, { notice: TOO_FAST });
    try {
      const input = toInput(values) as Parameters<typeof submitFeedback>[1];
      const sent = await submitFeedback(c.get('ctx'), input, c.get('clientAddress'));
      submits.hit(key(c), now(c));
      return html(
        c,
        <PortalPage title="留言已提交" settings={c.get('settings')}>
          <ThanksBody {...sent} />
        </PortalPage>,
      );
    } catch (e) {
      const error = formError(e);
      if (!error) throw e;
      return formPage(c, values, item, { error }, 400);
    }
  });

  function lookupPage(c: C, message?: string, status: 200 | 400 = 200) {
    return html(
      c,
      <PortalPage title="查询留言答复" settings={c.get('settings')}>
        <h1>查询留言答复</h1>
        <p>请输入提交留言时得到的留言编号和查询码。</p>
        <FeedbackLookupForm csrf={csrfToken(c)} message={message} />
        <p>
          <a href="/feedback">返回公众留言</a>
        </p>
      </PortalPage>,
      status,
    );
  }

  routes.get('/feedback/status', (c) => lookupPage(c));

  routes.post('/feedback/status', async (c) => {
    const limit = lookups.check(key(c), now(c));
    if (!limit.allowed) return tooMany(c, limit.retryAt, '查询');
    lookups.hit(key(c), now(c));
    const body = await c.req.parseBody();
    const messageNo = str(body, 'messageNo').slice(0, 40);
    const queryCode = str(body, 'queryCode').slice(0, 40);
    try {
      const status = await statusForSender(c.get('ctx'), messageNo, queryCode, c.get('clientAddress'));
      return html(
        c,
        <PortalPage title="留言答复" settings={c.get('settings')}>
          <SenderStatusBody status={status} />
        </PortalPage>,
      );
    } catch (e) {
      if (!isDomainError(e, 'notFound')) throw e;
      // One message for an unknown number and a wrong code; the number typed is not echoed either.
      return lookupPage(c, lookupFailed().message, 400);
    }
  });

  return routes;
}
