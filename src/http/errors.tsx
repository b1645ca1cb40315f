// Error pages in Chinese, and the one edge where a thrown error becomes a response (status from status.ts).
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDomainError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { ConsolePage, PortalPage } from './layout.tsx';
import { html } from './render.ts';
import { STATUS, STATUS_TITLES } from './status.ts';

type C = Context<AppEnv>;

export function ErrorPage(props: { c: C; status: number; message: string }) {
  const { c, status, message } = props;
  const title = STATUS_TITLES[status] ?? '出错了';
  const inConsole = c.req.path.startsWith('/console');
  const body = (
    <>
      <h1>{title}</h1>
      <p class="message">{message}</p>
      <p>
        <a href={inConsole ? '/console' : '/'}>{inConsole ? '返回工作平台首页' : '返回首页'}</a>
      </p>
      {status >= 500 ? <p class="request-id">请求编号：{c.get('requestId')}（联系系统管理员时请提供）</p> : null}
    </>
  );
  return inConsole ? (
    <ConsolePage title={title} settings={c.get('settings')}>
      {body}
    </ConsolePage>
  ) : (
    <PortalPage title={title} settings={c.get('settings')}>
      {body}
    </PortalPage>
  );
}

export function errorResponse(c: C, status: ContentfulStatusCode, message: string) {
  return html(c, <ErrorPage c={c} status={status} message={message} />, status);
}

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, 404, '您访问的页面不存在或已被移除，请核对网址，或从首页重新进入。');

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (isDomainError(err)) {
    if (err.code === 'notAuthenticated' || err.code === 'sessionExpired') return c.redirect('/console/login', 303);
    if (err.code === 'passwordChangeRequired') return c.redirect('/console/password', 303);
    return errorResponse(c, STATUS[err.code], err.message);
  }
  c.get('logger')?.error({ reqId: c.get('requestId'), err }, 'unhandled error');
  return errorResponse(c, 500, '系统暂时无法处理您的请求，请稍后再试。');
};

export const tooLarge = (c: C) =>
  errorResponse(
    c,
    413,
    `提交的内容超过了上限（${Math.round(c.get('settings').bodyLimitBytes / 1024)} KB），请精简后重新提交。`,
  );
