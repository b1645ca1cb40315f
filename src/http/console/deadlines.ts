// The signed-in handler's reply deadlines as a calendar feed (RFC 5545): one all-day VEVENT per open case with a
// known deadline, summary “答复期限：查询号”; and one per paused case (征求意见, 收费通知 — no deadline while paused),
// “暂停（征求意见）：查询号” on the day the third party must answer or the applicant pay (else the day the pause
// began). Nothing about the applicant is in the feed: calendars are synced to phones and third-party services.
import { Hono } from 'hono';
import { type Deadline, myDeadlines, myPauses, type PausedCase } from '../../applications/list.ts';
import { addDays } from '../../calendar/dates.ts';
import { requireLogin } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { HREF } from './application-views.tsx';
import { requireModule } from './frame.tsx';

const compact = (date: string) => date.replaceAll('-', '');

/** 20260302T020000Z */
const stamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped in text. */
const escapeText = (s: string) => s.replace(/[\\;,]/g, (m) => `\\${m}`).replace(/\n/g, '\\n');

/** RFC 5545 §3.1: lines longer than 75 octets are folded (a CRLF and one space), never inside a character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, 'utf8') > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  out.push(current);
  return out.join('\r\n ');
}

const PAUSE_LABELS = { consultation: '征求意见', fee: '待缴费' } as const;

/** What the event of a pause says: why the clock stands still, and what the other party must do by when. */
function pauseDescription(p: PausedCase['pause']): string {
  const since = `自${p.from}起暂停计时，不计入答复期限`;
  if (p.reason === 'fee')
    return `${since}；申请人应于${p.until}前缴纳信息处理费，逾期未缴视为放弃申请（国办函〔2020〕109号）`;
  if (p.until) return `${since}；第三方应于${p.until}前提出意见（《条例》第三十二条）`;
  return `${since}；征求其他机关意见，答复日期未定（《条例》第三十三条）`;
}

function pauseEvent(p: PausedCase, now: Date, host: string): string[] {
  const day = p.pause.until ?? p.pause.from;
  return [
    'BEGIN:VEVENT',
    `UID:application-${p.id}-pause-${compact(p.pause.from)}@${host}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${compact(day)}`,
    `DTEND;VALUE=DATE:${compact(addDays(day, 1))}`,
    `SUMMARY:${escapeText(`暂停（${PAUSE_LABELS[p.pause.reason]}）：${p.trackingNo}`)}`,
    `DESCRIPTION:${escapeText(pauseDescription(p.pause))}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

export function deadlinesCalendar(
  deadlines: readonly Deadline[],
  now: Date,
  host: string,
  pauses: readonly PausedCase[] = [],
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gongkai//依申请公开答复期限//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:依申请公开答复期限',
  ];
  for (const d of deadlines) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:application-${d.id}-deadline@${host}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compact(d.dueDate)}`,
      `DTEND;VALUE=DATE:${compact(addDays(d.dueDate, 1))}`,
      `SUMMARY:${escapeText(`答复期限：${d.trackingNo}`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  for (const p of pauses) lines.push(...pauseEvent(p, now, host));
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export const deadlineRoutes = new Hono<AppEnv>();

deadlineRoutes.get(`${HREF}/deadlines.ics`, requireLogin(), requireModule(HREF), async (c) => {
  const ctx = c.get('ctx');
  const actor = c.get('auth').actor;
  const [deadlines, pauses] = [await myDeadlines(actor, ctx), await myPauses(actor, ctx)];
  const host = new URL(c.req.url).hostname || 'gongkai';
  c.header('content-type', 'text/calendar; charset=utf-8');
  c.header('content-disposition', 'attachment; filename="deadlines.ics"');
  c.header('cache-control', 'private, no-store');
  return c.body(deadlinesCalendar(deadlines, ctx.clock(), host, pauses));
});
