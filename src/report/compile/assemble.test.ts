// Property-like: whatever the records say, the assembled report is valid against the schema and passes every
// error-severity rule — over many pseudo-random sets of facts (a fixed seed, so every run sees the same data).
import { describe, expect, it } from 'vitest';
import { type CountedApplication, countYear } from '../../applications/counts.ts';
import { addDays } from '../../calendar/dates.ts';
import { hasErrors } from '../diagnostics.ts';
import { APPEAL_GROUPS, APPLICANT_KINDS, type CaseResults, OUTCOME_LEAVES } from '../model.ts';
import { checkReport } from '../rules.ts';
import { schemaErrors } from '../schema.ts';
import { assembleReport, type CompileFacts, feeStatement } from './assemble.ts';

function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

function randomFacts(seed: number, year: number): CompileFacts {
  const rand = random(seed);
  const rows: CountedApplication[] = [];
  const n = rand(60);
  for (let i = 0; i < n; i++) {
    const receivedOn = addDays(`${year - 1}-06-01`, rand(700));
    const open = rand(4) === 0;
    rows.push({
      applicantKind: APPLICANT_KINDS[rand(APPLICANT_KINDS.length)] as (typeof APPLICANT_KINDS)[number],
      receivedOn,
      decidedOn: open ? null : addDays(receivedOn, rand(90)),
      outcome: open ? null : (OUTCOME_LEAVES[rand(OUTCOME_LEAVES.length)] as (typeof OUTCOME_LEAVES)[number]),
    });
  }
  const cases = (): CaseResults => {
    const c = { upheld: rand(3), corrected: rand(3), other: rand(2), pending: rand(3) };
    return { ...c, total: c.upheld + c.corrected + c.other + c.pending };
  };
  const docs = () => ({ issued: rand(5), repealed: rand(3), inForce: rand(40) });
  const notices = rand(3);
  return {
    year,
    agencyName: '测试市某某局',
    rules: docs(),
    normativeDocuments: docs(),
    figures:
      rand(3) === 0
        ? null
        : {
            licensing: rand(5000),
            punishment: rand(300),
            coercion: rand(50),
            feesTenThousandYuan: rand(2_000_000) / 100,
          },
    requests: countYear(rows, year),
    appeals: Object.fromEntries(APPEAL_GROUPS.map((g) => [g, cases()])) as CompileFacts['appeals'],
    published: [
      { label: '规章', count: rand(3) },
      { label: '通知公告', count: rand(30) },
    ],
    timed: (() => {
      const decided = rand(40);
      return { decided, onTime: rand(decided + 1) };
    })(),
    feedback: rand(2) === 0 ? null : { received: rand(20), answered: rand(10), overdue: rand(3) },
    fees: { notices, billedYuan: notices * 100 * rand(5), payments: rand(notices + 1), paidYuan: rand(500) },
  };
}

describe('assembleReport', () => {
  it('is valid and free of error-severity diagnostics on 300 random sets of records, across years', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const year = 2021 + (seed % 5);
      const report = assembleReport(randomFacts(seed, year));
      expect(schemaErrors(JSON.parse(JSON.stringify(report))), `seed ${seed}`).toEqual([]);
      const diagnostics = checkReport(report);
      expect(hasErrors(diagnostics), `seed ${seed}: ${JSON.stringify(diagnostics)}`).toBe(false);
      // The narrative quotes the tables, so it never contradicts them; section 六 always speaks of the fee.
      expect(
        diagnostics.map((d) => d.rule),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });

  it('keeps carried-over equal to last year’s carried-forward when both come from the same records', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const facts = randomFacts(seed, 2024);
      // The same applications counted for 2024 and 2025.
      const rand = random(seed);
      const rows: CountedApplication[] = [];
      for (let i = 0; i < 40; i++) {
        const receivedOn = addDays('2023-10-01', rand(700));
        const open = rand(4) === 0;
        rows.push({
          applicantKind: APPLICANT_KINDS[rand(6)] as (typeof APPLICANT_KINDS)[number],
          receivedOn,
          decidedOn: open ? null : addDays(receivedOn, rand(120)),
          outcome: open ? null : (OUTCOME_LEAVES[rand(21)] as (typeof OUTCOME_LEAVES)[number]),
        });
      }
      const previous = assembleReport({ ...facts, requests: countYear(rows, 2024) });
      const current = assembleReport({ ...facts, year: 2025, requests: countYear(rows, 2025) });
      expect(hasErrors(checkReport(current, { previous })), `seed ${seed}`).toBe(false);
    }
  });

  it('states the fee, or that none was charged', () => {
    expect(feeStatement({ notices: 0, billedYuan: 0, payments: 0, paidYuan: 0 })).toBe(
      '本年度，本机关未收取信息处理费。',
    );
    expect(feeStatement({ notices: 2, billedYuan: 300, payments: 1, paidYuan: 100 })).toBe(
      '本年度，本机关共发出收费通知2件，应收信息处理费300元，实收100元。',
    );
  });
});
