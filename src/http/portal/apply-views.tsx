// The pages of 依申请公开 around the form: what the law says in plain words, the receipt with the 查询号 and the
// 查询码 (shown once), the printable receipt, and the applicant's status page. They show only what the applicant
// presenter (applications/presenters.ts) hands them: never an ID number, a phone or an address.
import type { Child } from 'hono/jsx';
import type { ApplicantStatus } from '../../applications/presenters.ts';
import { ReceiptDownloads } from './apply-receipt.tsx';

/** 2026-03-02T02:00:00.000Z → 2026-03-02 10:00 (Beijing time, UTC+8 all year). */
export function beijingTime(iso: string | number): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** ABCDEFGHJKMNPQRS → “ABCD EFGH JKMN PQRS”: easier to copy by hand; spaces are ignored when typed back. */
export const groupCode = (code: string) => (code.match(/.{1,4}/g) ?? []).join(' ');

/** 条例第二十七至三十三条、第四十二条, in plain words. */
export function ApplyIntro() {
  return (
    <section class="intro">
      <h2>申请前请先了解</h2>
      <dl class="settings">
        <dt>谁可以申请</dt>
        <dd>
          任何个人，以及企业、科研机构、社会组织、律师事务所等单位，都可以向行政机关申请获取政府信息，不需要说明理由（《条例》第二十七条）。
        </dd>
        <dt>需要写清楚什么</dt>
        <dd>
          您的姓名或单位名称、身份证件或统一社会信用代码、联系方式；想要的信息是什么（名称、文号或其他能帮助查找的特点）；希望以什么形式提供、怎样拿到（第二十九条）。没写清楚的，机关会在7个工作日内一次性告诉您需要补正什么（第三十条）。
        </dd>
        <dt>多久答复</dt>
        <dd>
          网上提交后，工作人员确认收到，确认之日就是收到申请之日（第三十一条）。机关自收到申请之日起20个工作日内答复；确需延长的，经负责人同意并告知您，最多再延长20个工作日（第三十三条）。需要征求第三方或其他机关意见的，所用时间不计算在内（第三十二条）。
        </dd>
        <dt>是否收费</dt>
        <dd>一般不收费。只有申请的数量、次数明显超过合理范围时，机关才可能收取信息处理费（第四十二条）。</dd>
        <dt>怎样查询进度</dt>
        <dd>
          提交后，页面会显示“查询号”和“查询码”。凭这两项可以在<a href="/apply/status">查询办理进度</a>
          页面随时查看。
        </dd>
      </dl>
    </section>
  );
}

/** What happens after submitting: the same text on the receipt page and the printed receipt. */
function NextSteps() {
  return (
    <>
      <h2>接下来会怎样</h2>
      <ol>
        <li>受理机关的工作人员会核对您的申请，并确认收到。确认之日为收到申请之日。</li>
        <li>机关自收到申请之日起20个工作日内答复您；确需延长的，会告知您，最多再延长20个工作日。</li>
        <li>申请内容不清楚的，机关会在7个工作日内一次性告诉您需要补正什么，补正后重新计算20个工作日。</li>
        <li>您可以随时凭查询号和查询码查询办理进度和答复期限。</li>
      </ol>
    </>
  );
}

/** The number and 查询码 shown once after a submission; `keep` says how to keep them (抄写下来或保存). */
export function OneTimeCodes(props: { keep: string; numberLabel: string; number: string; queryCode: string }) {
  return (
    <div class="one-time" role="status">
      <p>请把下面两项{props.keep}。查询码只在这里显示这一次，之后无法再次查看。</p>
      <dl class="codes">
        <dt>{props.numberLabel}</dt>
        <dd>
          <code>{props.number}</code>
        </dd>
        <dt>查询码</dt>
        <dd>
          <code>{groupCode(props.queryCode)}</code>
        </dd>
      </dl>
    </div>
  );
}

export function ReceiptBody(props: { trackingNo: string; queryCode: string; csrf: string }) {
  return (
    <>
      <h1>申请已提交</h1>
      <OneTimeCodes
        keep="抄写下来或打印保存"
        numberLabel="查询号"
        number={props.trackingNo}
        queryCode={props.queryCode}
      />
      <NextSteps />
      <h2>回执</h2>
      <p>可以打开可打印的回执页面，用浏览器的“打印”功能打印或另存为PDF文件。</p>
      <form method="post" action="/apply/receipt" class="inline" target="_blank" rel="noopener">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="trackingNo" value={props.trackingNo} />
        <input type="hidden" name="queryCode" value={props.queryCode} />
        <button type="submit">打开可打印的回执（新窗口）</button>
      </form>
      <p>也可以下载回执文件保存：</p>
      <ReceiptDownloads trackingNo={props.trackingNo} queryCode={props.queryCode} csrf={props.csrf} />
      <p>
        <a href="/apply/status">查询办理进度</a>
      </p>
    </>
  );
}

export function PrintableReceipt(props: { status: ApplicantStatus; queryCode: string; siteName: string }) {
  const s = props.status;
  return (
    <article class="receipt">
      <h1>政府信息公开申请回执</h1>
      <dl class="settings">
        <dt>查询号</dt>
        <dd>
          <code>{s.trackingNo}</code>
        </dd>
        <dt>查询码</dt>
        <dd>
          <code>{groupCode(props.queryCode)}</code>
        </dd>
        <dt>受理机关</dt>
        <dd>{s.agencyName}</dd>
        <dt>申请人</dt>
        <dd>{s.applicantName}</dd>
        <dt>申请方式</dt>
        <dd>{s.channel}</dd>
        <dt>提交时间</dt>
        <dd>{beijingTime(s.submittedAt)}（北京时间）</dd>
        <dt>所需信息</dt>
        <dd>{s.description}</dd>
      </dl>
      <NextSteps />
      <p>查询办理进度：{props.siteName} →“依申请公开”→“查询办理进度”，输入查询号和查询码。</p>
      <p class="hint">请妥善保管查询码，不要告诉他人。</p>
    </article>
  );
}

/** letters: the “已发出的文书” list (portal/letter-routes.tsx); “暂无” without it. */
export function StatusBody(props: { status: ApplicantStatus; csrf: string; queryCode: string; letters?: Child }) {
  const s = props.status;
  const current = s.steps.findIndex((step) => !step.done);
  return (
    <>
      <h1>办理进度</h1>
      <dl class="settings">
        <dt>查询号</dt>
        <dd>{s.trackingNo}</dd>
        <dt>受理机关</dt>
        <dd>{s.agencyName}</dd>
        <dt>所需信息</dt>
        <dd>{s.description}</dd>
        {s.documentRef ? (
          <>
            <dt>文件名称或文号</dt>
            <dd>{s.documentRef}</dd>
          </>
        ) : null}
        <dt>提供形式和获取方式</dt>
        <dd>
          {s.provisionForm}，{s.delivery}
        </dd>
        <dt>提交时间</dt>
        <dd>{beijingTime(s.submittedAt)}（北京时间）</dd>
        <dt>收到申请之日</dt>
        <dd>{s.receivedOn ?? '尚未确认（工作人员确认收到后开始计算答复期限）'}</dd>
        <dt>当前状态</dt>
        <dd>{s.status}</dd>
      </dl>
      <h2>办理步骤</h2>
      <ol class="steps">
        {s.steps.map((step, i) => (
          <li class={step.done ? 'done' : i === current ? 'current' : undefined}>
            {step.label}
            <span class="step-state">{step.done ? '（已完成）' : i === current ? '（当前）' : '（未开始）'}</span>
          </li>
        ))}
      </ol>
      <h2>答复期限</h2>
      {s.outcome ? (
        <p>
          已于 {s.decidedOn} 办结：{s.outcome}。
        </p>
      ) : s.dueDate ? (
        <p class="notice">
          机关应在 <strong>{s.dueDate}</strong> 以前答复您。
        </p>
      ) : (
        <p>工作人员确认收到申请后，开始计算20个工作日的答复期限（《条例》第三十一条、第三十三条）。</p>
      )}
      <h3>期限是怎样算出来的</h3>
      {s.ledger.length === 0 ? (
        <p>暂无记录。</p>
      ) : (
        <table>
          <caption class="visually-hidden">影响答复期限的办理记录</caption>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">事项</th>
              <th scope="col">依据</th>
            </tr>
          </thead>
          <tbody>
            {s.ledger.map((line) => (
              <tr>
                <td>{line.date}</td>
                <td>{line.text}</td>
                <td>{line.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>已发出的文书</h2>
      {props.letters ?? <p>暂无。</p>}
      <form method="post" action="/apply/receipt" class="inline" target="_blank" rel="noopener">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="trackingNo" value={s.trackingNo} />
        <input type="hidden" name="queryCode" value={props.queryCode} />
        <button type="submit">打开可打印的回执（新窗口）</button>
      </form>
      <p>
        <a href="/apply/status">查询其他申请</a>
      </p>
    </>
  );
}

/** The form that looks a case up by its number and 查询码 (applications and feedback alike). */
export function CodeLookupForm(props: {
  csrf: string;
  message?: string | undefined;
  action: string;
  numberName: string;
  numberLabel: string;
  numberHint: string;
  numberValue?: string | undefined;
}) {
  const numberId = `f-${props.numberName}`;
  return (
    <>
      {props.message ? (
        <div class="alert" role="alert">
          <p>{props.message}</p>
        </div>
      ) : null}
      <form method="post" action={props.action} class="stack">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label for={numberId}>{props.numberLabel}</label>
        <p class="hint" id={`${numberId}-hint`}>
          {props.numberHint}
        </p>
        <input
          type="text"
          id={numberId}
          name={props.numberName}
          value={props.numberValue}
          maxlength={40}
          autocomplete="off"
          required
          aria-describedby={`${numberId}-hint`}
        />
        <label for="f-queryCode">查询码</label>
        <p class="hint" id="f-queryCode-hint">
          16位字母和数字，不区分大小写，可以带空格或短横线。
        </p>
        <input
          type="text"
          id="f-queryCode"
          name="queryCode"
          maxlength={40}
          autocomplete="off"
          spellcheck={false}
          required
          aria-describedby="f-queryCode-hint"
        />
        <button type="submit">查询</button>
      </form>
    </>
  );
}

export function LookupForm(props: { csrf: string; trackingNo?: string; message?: string | undefined }) {
  return (
    <CodeLookupForm
      csrf={props.csrf}
      message={props.message}
      action="/apply/status"
      numberName="trackingNo"
      numberLabel="查询号"
      numberHint="提交申请时显示的编号，形如 GK2026-1-000001。"
      numberValue={props.trackingNo ?? ''}
    />
  );
}
