// Many citizens submitting the portal's online application form (/apply) at once, against a server in its own
// process (test/server-process.ts); test/load-integrity.ts checks that the database holds exactly what they sent.
// Used by the crash test, the backup-under-load test and the load bench.
//
// Each submission is what a browser sends: the form page's CSRF cookie and token, its signed form stamp (sent after
// the 3 s a person needs, form-stamp.ts), multipart with one attachment. Each comes from its own address through
// X-Forwarded-For with the server started with GONGKAI_TRUST_PROXY=1 — the documented setting behind nginx — so
// the per-address limit (5 an hour) applies per citizen as in production, without loosening it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Delivery, ProvisionForm } from '../src/applications/model.ts';
import { FIELD as ATTACHMENTS } from '../src/attachments/model.ts';
import { MIN_FILL_MS } from '../src/http/portal/form-stamp.ts';
import { creditCode } from './platform.ts';

/** The anonymous form as one page showed it: its cookie and hidden fields, and the agencies it offers. */
export interface FormSession {
  origin: string;
  cookie: string;
  csrf: string;
  stamp: string;
  agencyIds: number[];
}

const hidden = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';

/** GET /apply as a browser does, then (to submit) wait the minimum fill time, so the stamp is accepted from then on. */
export async function openApplyForm(origin: string, waitToSubmit = true): Promise<FormSession> {
  const res = await fetch(`${origin}/apply`);
  const page = await res.text();
  if (res.status !== 200) throw new Error(`GET /apply: HTTP ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] as string)
    .join('; ');
  const agencyIds = [...page.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
  const session = { origin, cookie, csrf: hidden(page, '_csrf'), stamp: hidden(page, 'stamp'), agencyIds };
  if (!session.csrf || !session.stamp || agencyIds.length === 0) throw new Error('GET /apply: form fields missing');
  if (waitToSubmit) await sleep(MIN_FILL_MS + 200);
  return session;
}

/** One submission as sent: the form's text fields, the attached file, and a marker unique to it. */
export interface Sent {
  marker: string;
  fields: Record<string, string>;
  file: { name: string; data: Uint8Array };
}

const NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴昊'];
const WANTS = [
  '请公开本机关2024年度部门预算及“三公”经费支出情况',
  '请提供本区老旧小区改造项目的立项批复文件和资金使用明细',
  '申请公开某路段道路拓宽工程的征地补偿标准及安置方案',
  '请公开本机关2025年对某企业作出的行政处罚决定书（文号不详）',
  '申请获取本区义务教育阶段学校招生划片范围及其依据',
];

/** A valid 居民身份证号码 (GB 11643: the 18th character is the check code) for birth date index `n`. */
export function residentId(n: number): string {
  const first17 = `320803${1960 + (n % 40)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
  return first17 + ('10X98765432'[sum % 11] as string);
}

/**
 * The i-th citizen's application, to an agency of the form: persons and organisations, every optional field both
 * filled and blank across the run, text with quotes, angle brackets and ampersands that must come back unchanged.
 */
export function sampleApplication(i: number, agencyIds: number[], run = 'load'): Sent {
  const marker = `【${run}-${String(i).padStart(5, '0')}】`;
  const person = i % 4 !== 3;
  const withEmail = i % 3 !== 1;
  const others: ProvisionForm[] = ['paper', 'disk', 'viewing'];
  const provisionForm = withEmail && i % 2 === 0 ? 'email' : (others[i % 3] as ProvisionForm);
  const delivery = (['post', 'pickup', 'online'] as Delivery[])[i % 3] as Delivery;
  const fields: Record<string, string> = {
    declaration: '1',
    agencyId: String(agencyIds[i % agencyIds.length]),
    applicantKind: person ? 'naturalPerson' : 'business',
    applicantName: person ? `${NAMES[i % NAMES.length]}${i}` : `淮安市某某科技有限公司第${i}分公司`,
    contactPerson: person ? '' : (NAMES[(i + 3) % NAMES.length] as string),
    idType: person ? 'residentId' : '',
    idNumber: person ? residentId(i) : '',
    creditCode: person ? '' : creditCode(1000 + i),
    phone: `138${String(10_000_000 + i).slice(-8)}`,
    email: withEmail ? `citizen${i}@example.cn` : '',
    address: `江苏省淮安市清江浦区健康东路${i}号 <${i % 7}单元> & “东楼”`,
    postcode: i % 5 === 0 ? '' : '223001',
    description: `${marker}${WANTS[i % WANTS.length]}。所需信息的用途：'自身生产生活' & <科研>。`,
    documentRef: i % 2 === 0 ? `淮政发〔2025〕${i}号` : '',
    provisionForm,
    delivery,
    homepage: '',
  };
  const text = `${marker}身份证明材料（第${i}份）\n${'申请人声明所填写信息真实有效。'.repeat(1 + (i % 20))}\n`;
  return { marker, fields, file: { name: `证明材料-${i}.txt`, data: new TextEncoder().encode(text) } };
}

export type SubmitResult = { ok: true; trackingNo: string; queryCode: string } | { ok: false; reason: string };

/** POST /apply as a browser does (multipart, with the file), from `address`; the receipt's codes when it succeeded. */
export async function submitApplication(session: FormSession, sent: Sent, address: string): Promise<SubmitResult> {
  const body = new FormData();
  body.set('_csrf', session.csrf);
  body.set('stamp', session.stamp);
  for (const [k, v] of Object.entries(sent.fields)) body.set(k, v);
  body.set(ATTACHMENTS, new Blob([sent.file.data], { type: 'text/plain' }), sent.file.name);
  let res: Response;
  try {
    res = await fetch(`${session.origin}/apply`, {
      method: 'POST',
      body,
      headers: { cookie: session.cookie, origin: session.origin, 'x-forwarded-for': address },
    });
  } catch (e) {
    return { ok: false, reason: `connection: ${((e as Error).cause as Error | undefined)?.message ?? e}` };
  }
  let page: string;
  try {
    page = await res.text();
  } catch (e) {
    return { ok: false, reason: `reply cut off: ${(e as Error).message}` };
  }
  const codes = [...page.matchAll(/<dd><code>([^<]+)<\/code><\/dd>/g)].map((m) => m[1] as string);
  if (res.status !== 200 || codes.length < 2) return { ok: false, reason: `HTTP ${res.status}` };
  return { ok: true, trackingNo: codes[0] as string, queryCode: (codes[1] as string).replaceAll(' ', '') };
}

/** A distinct address per citizen, from 198.18.0.0/15 (RFC 2544: set aside for benchmarks, never a real client). */
export const citizenAddress = (i: number) => `198.18.${Math.floor(i / 250) % 256}.${(i % 250) + 1}`;

export interface Acknowledged {
  sent: Sent;
  trackingNo: string;
  queryCode: string;
}

/** Run `count` submissions with `concurrency` citizens at a time; `onAck` may stop the run by returning false. */
export async function submitMany(
  session: FormSession,
  count: number,
  concurrency: number,
  run: string,
  onAck: (ack: Acknowledged, total: number) => boolean | undefined = () => true,
): Promise<{ sent: Sent[]; acknowledged: Acknowledged[]; failures: string[] }> {
  const sent: Sent[] = [];
  const acknowledged: Acknowledged[] = [];
  const failures: string[] = [];
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < count) {
      const i = next++;
      const s = sampleApplication(i, session.agencyIds, run);
      sent.push(s);
      const r = await submitApplication(session, s, citizenAddress(i));
      if (r.ok) {
        const ack = { sent: s, trackingNo: r.trackingNo, queryCode: r.queryCode };
        acknowledged.push(ack);
        if (onAck(ack, acknowledged.length) === false) stopped = true;
      } else failures.push(`${s.marker} ${r.reason}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent, acknowledged, failures };
}
