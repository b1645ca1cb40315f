// The signed-in handler's reply deadlines as a calendar feed (RFC 5545): one all-day VEVENT per open case with a
// known deadline, summary “答复期限：查询号”. Nothing about the applicant is in the feed: calendars are synced to
// phones and third-party services.
import { Hono } from 'hono';
import { type Deadline, myDeadlines } from '../../applications/list.ts';
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

export function deadlinesCalendar(deadlines: readonly Deadline[], now: Date, host: string): string {
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
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export const deadlineRoutes = new Hono<AppEnv>();

deadlineRoutes.get(`${HREF}/deadlines.ics`, requireLogin(), requireModule(HREF), async (c) => {
  const ctx = c.get('ctx');
  const deadlines = await myDeadlines(c.get('auth').actor, ctx);
  const host = new URL(c.req.url).hostname || 'gongkai';
  c.header('content-type', 'text/calendar; charset=utf-8');
  c.header('content-disposition', 'attachment; filename="deadlines.ics"');
  c.header('cache-control', 'private, no-store');
  return c.body(deadlinesCalendar(deadlines, ctx.clock(), host));
});
