// 依申请公开 on the portal, without an account: the form (/apply), the receipt with the 查询号 and 查询码, a printable
// receipt (also as DOCX or PDF, apply-receipt.tsx), and the status page (/apply/status). Codes travel only in POST
// bodies, never in a URL, so the access log (path only) never holds one.
//
// Anti-abuse that a blind or elderly person passes without noticing (no image CAPTCHA):
// - a rate limit per client address: 5 submissions an hour, 10 lookups in 10 minutes (in this process's memory;
//   see rate-limit.ts for what that means behind several processes or a proxy);
// - a trap field hidden from everyone (CSS, aria-hidden, tabindex -1): filled in, nothing is stored;
// - a minimum fill time: a form sent back within 3 s of being shown is shown again, asking to confirm.
import { type Context, Hono } from 'hono';
import { listAgencyRows } from '../../agencies/repository.ts';
import { normalizeQueryCode } from '../../applications/codes.ts';
import { statusForApplicant } from '../../applications/queries.ts';
import { submitOnline } from '../../applications/service.ts';
import { FIELD as ATTACHMENTS } from '../../attachments/model.ts';
import { attachmentsForApplicant, limitsOf } from '../../attachments/service.ts';
import { errors, isDomainError } from '../../errors.ts';
import { applicantPdfAvailable, lettersForApplicant } from '../../letters/applicant.ts';
import { type FormError, formError, formValues, idOrText, type Values } from '../console/form.tsx';
import { csrfToken } from '../csrf.tsx';
import type { AppEnv } from '../env.ts';
import { PortalPage } from '../layout.tsx';
import { limitKey, type RateLimit, rateLimit } from '../rate-limit.ts';
import { html } from '../render.ts';
import { ApplyForm, HONEYPOT } from './apply-form.tsx';
import { ReceiptDownloads, receiptDownloadRoutes } from './apply-receipt.tsx';
import { ApplyIntro, beijingTime, LookupForm, PrintableReceipt, ReceiptBody, StatusBody } from './apply-views.tsx';
import { ApplicantAttachments, filesOf } from './attachment-field.tsx';
import { filledSlowly, formStamp } from './form-stamp.ts';
import { ApplicantLetters } from './letter-routes.tsx';

type C = Context<AppEnv>;

export const SUBMIT_LIMIT = { max: 5, windowMs: 3_600_000 };
export const LOOKUP_LIMIT = { max: 10, windowMs: 600_000 };

const TOO_FAST = '为防止自动程序批量提交，请您再核对一遍填写的内容，然后再次点击“提交申请”。您填写的内容都已保留。';
const TRAP =
  '提交未成功：表单中一个应当留空的隐藏项被填写了（可能是浏览器自动填充造成的）。您填写的内容都已保留，请再次点击“提交申请”。';

/** The strings the service expects: a field left blank (a browser sends every field) is null, the agency a number. */
function toInput(v: Values) {
  const text = (name: string) => (v[name]?.trim() ? v[name] : null);
  return {
    agencyId: idOrText(v.agencyId),
    applicantKind: text('applicantKind'),
    applicantName: v.applicantName ?? '',
    contactPerson: text('contactPerson'),
    idType: text('idType'),
    idNumber: text('idNumber'),
    creditCode: text('creditCode'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    postcode: text('postcode'),
    description: v.description ?? '',
    documentRef: text('documentRef'),
    provisionForm: text('provisionForm'),
    delivery: text('delivery'),
  };
}

function str(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v : '';
}

function tooMany(c: C, retryAt: number, what: string) {
  const minutes = Math.max(1, Math.ceil((retryAt - c.get('ctx').clock().getTime()) / 60_000));
  c.header('Retry-After', String(minutes * 60));
  return html(
    c,
    <PortalPage title="请稍后再试" settings={c.get('settings')} current="/apply">
      <h1>请稍后再试</h1>
      <p class="message">
        从您的网络地址{what}的次数较多，为防止滥用，暂时不能继续。请在 {beijingTime(retryAt)}
        （北京时间，约{minutes}分钟后）以后再试。
      </p>
      <p>如有急事，可以拨打受理机关的政府信息公开工作机构电话，或携带身份证件到受理窗口当面申请。</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </PortalPage>,
    429,
  );
}

/** The count of 查询号/查询码 tries per address, shared by the status page and the applicant's downloads. */
export function lookupLimit(): RateLimit {
  return rateLimit(LOOKUP_LIMIT.max, LOOKUP_LIMIT.windowMs);
}

/**
 * A fresh set of routes, each with its own in-memory counts (one per app, so tests do not share them). `lookups` is
 * shared with the download routes so that a guesser gets one budget of tries, not one per page.
 */
export function applyRoutes(lookups: RateLimit = lookupLimit()) {
  const submits = rateLimit(SUBMIT_LIMIT.max, SUBMIT_LIMIT.windowMs);
  const routes = new Hono<AppEnv>();
  const now = (c: C) => c.get('ctx').clock().getTime();
  const key = (c: C) => limitKey(c.get('clientAddress'));

  type Extra = { error?: FormError; notice?: string };
  async function formPage(c: C, values: Values, extra: Extra = {}, status: 200 | 400 = 200) {
    const ctx = c.get('ctx');
    const [agencies, stamp] = await Promise.all([listAgencyRows(ctx.db.kysely), formStamp(ctx)]);
    const { [HONEYPOT]: _trap, ...kept } = values;
    return html(
      c,
      <PortalPage title="依申请公开" settings={c.get('settings')} current="/apply" script="apply.js">
        <h1>申请公开政府信息</h1>
        <p>
          已经提交过申请？<a href="/apply/status">查询办理进度</a>
        </p>
        <ApplyIntro />
        <h2>填写申请</h2>
        <p>
          标有“必填”“必选”的项目必须填写。个人申请填写第三部分，单位申请填写第四部分。不方便网上填写的，可以到受理机关的窗口当面申请。
        </p>
        <ApplyForm
          csrf={csrfToken(c)}
          stamp={stamp}
          agencies={agencies}
          values={kept}
          limits={limitsOf(ctx)}
          {...extra}
        />
      </PortalPage>,
      status,
    );
  }

  routes.get('/apply', (c) => formPage(c, {}));

  routes.post('/apply', async (c) => {
    const limit = submits.check(key(c), now(c));
    if (!limit.allowed) return tooMany(c, limit.retryAt, '提交申请');
    const body = await c.req.parseBody({ all: true });
    const values = formValues(body);
    if (str(body, HONEYPOT).trim() !== '') {
      submits.hit(key(c), now(c));
      return formPage(c, values, { notice: TRAP }, 400);
    }
    if (!(await filledSlowly(c.get('ctx'), str(body, 'stamp')))) return formPage(c, values, { notice: TOO_FAST });
    if (values.declaration !== '1') {
      const error = { field: 'declaration', message: '声明：请阅读并勾选确认', status: 400 as const };
      return formPage(c, values, { error }, 400);
    }
    try {
      const input = toInput(values) as Parameters<typeof submitOnline>[1];
      const files = await filesOf(body[ATTACHMENTS]);
      const { trackingNo, queryCode } = await submitOnline(c.get('ctx'), input, c.get('clientAddress'), files);
      submits.hit(key(c), now(c));
      return html(
        c,
        <PortalPage title="申请已提交" settings={c.get('settings')} current="/apply">
          <ReceiptBody trackingNo={trackingNo} queryCode={queryCode} csrf={csrfToken(c)} />
        </PortalPage>,
      );
    } catch (e) {
      const error = formError(e);
      if (!error) throw e;
      return formPage(c, values, { error }, 400);
    }
  });

  function lookupPage(c: C, trackingNo = '', message?: string, status: 200 | 400 = 200) {
    return html(
      c,
      <PortalPage title="查询办理进度" settings={c.get('settings')} current="/apply">
        <h1>查询办理进度</h1>
        <p>请输入提交申请时得到的查询号和查询码。</p>
        <LookupForm csrf={csrfToken(c)} trackingNo={trackingNo} message={message} />
        <p>
          查询码遗失的，请联系受理机关，核实身份后处理。<a href="/apply">返回申请页面</a>
        </p>
      </PortalPage>,
      status,
    );
  }

  /** Look the case up with its code, within the lookup limit; undefined after a response was chosen. */
  async function lookUp(c: C) {
    const limit = lookups.check(key(c), now(c));
    if (!limit.allowed) return { response: await tooMany(c, limit.retryAt, '查询') };
    lookups.hit(key(c), now(c));
    const body = await c.req.parseBody();
    const trackingNo = str(body, 'trackingNo').slice(0, 40);
    const queryCode = str(body, 'queryCode').slice(0, 40);
    try {
      const status = await statusForApplicant(c.get('ctx'), trackingNo, queryCode, c.get('clientAddress'));
      return { status, queryCode: normalizeQueryCode(queryCode) };
    } catch (e) {
      if (!isDomainError(e, 'notFound')) throw e;
      // One message for an unknown number and a wrong code; the number typed is not echoed either.
      return { response: await lookupPage(c, '', errors.applicationLookupFailed().message, 400) };
    }
  }

  routes.get('/apply/status', (c) => lookupPage(c));

  routes.post('/apply/status', async (c) => {
    const found = await lookUp(c);
    if (found.response) return found.response;
    const given = await attachmentsForApplicant(c.get('ctx'), found.status.trackingNo, found.queryCode);
    const codes = { trackingNo: found.status.trackingNo, queryCode: found.queryCode, csrf: csrfToken(c) };
    const letters = await lettersForApplicant(c.get('ctx'), codes.trackingNo, codes.queryCode);
    const list = <ApplicantLetters letters={letters} pdf={applicantPdfAvailable()} {...codes} />;
    return html(
      c,
      <PortalPage title="办理进度" settings={c.get('settings')} current="/apply">
        <StatusBody status={found.status} queryCode={found.queryCode} csrf={csrfToken(c)} letters={list} />
        <ApplicantAttachments
          items={given}
          trackingNo={found.status.trackingNo}
          queryCode={found.queryCode}
          csrf={csrfToken(c)}
        />
      </PortalPage>,
    );
  });

  routes.post('/apply/receipt', async (c) => {
    const found = await lookUp(c);
    if (found.response) return found.response;
    return html(
      c,
      <PortalPage title="申请回执" settings={c.get('settings')} current="/apply">
        <PrintableReceipt status={found.status} queryCode={found.queryCode} siteName={c.get('settings').siteName} />
        <ReceiptDownloads trackingNo={found.status.trackingNo} queryCode={found.queryCode} csrf={csrfToken(c)} />
      </PortalPage>,
    );
  });

  routes.route('/', receiptDownloadRoutes(lookups));
  return routes;
}
