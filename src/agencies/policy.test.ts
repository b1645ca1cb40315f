import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './model.ts';
import { ACTIONS, type Action, decide, GRANTABLE_ROLES, mayGrant, RELATIONS, relationOf } from './policy.ts';

// The expected decision for every role × action × relation, written out by hand. Each cell is four marks for the
// target agency being the actor's own, a parent, a child, an unrelated one: Y allowed, . refused.
const MATRIX = `
action                sysadmin agencyAdmin handler reviewer publisher inspector
agency.view           YYYY     YYYY        YYYY    YYYY     YYYY      YYYY
agency.create         YYYY     ....        ....    ....     ....      ....
agency.update         YYYY     Y...        ....    ....     ....      ....
user.view             YYYY     Y...        ....    ....     ....      Y.Y.
user.create           YYYY     Y...        ....    ....     ....      ....
user.update           YYYY     Y...        ....    ....     ....      ....
user.resetPassword    YYYY     Y...        ....    ....     ....      ....
application.view      ....     ....        Y...    Y...     ....      Y.Y.
application.handle    ....     ....        Y...    ....     ....      ....
application.approve   ....     ....        ....    Y...     ....      ....
catalog.view          ....     ....        ....    Y...     Y...      Y.Y.
catalog.edit          ....     ....        ....    ....     Y...      ....
catalog.approve       ....     ....        ....    Y...     ....      ....
catalog.publish       ....     ....        ....    ....     Y...      ....
feedback.view         ....     ....        Y...    Y...     Y...      Y.Y.
feedback.answer       ....     ....        Y...    Y...     Y...      ....
report.view           ....     Y...        Y...    Y.Y.     Y...      Y.Y.
report.edit           ....     ....        Y...    Y...     ....      ....
report.approve        ....     ....        ....    Y.Y.     ....      ....
report.publish        ....     ....        ....    Y...     Y...      ....
audit.view            YYYY     ....        ....    ....     ....      ....
audit.verify          YYYY     ....        ....    ....     ....      ....
calendar.manage       YYYY     ....        ....    ....     ....      ....
`;

function expectedMatrix(): Map<string, boolean> {
  const [header, ...rows] = MATRIX.trim().split('\n');
  const roles = (header as string).trim().split(/\s+/).slice(1) as Role[];
  const cells = new Map<string, boolean>();
  for (const row of rows) {
    const [action, ...marks] = row.trim().split(/\s+/);
    roles.forEach((role, i) => {
      RELATIONS.forEach((relation, j) => {
        cells.set(`${role} ${action} ${relation}`, marks[i]?.[j] === 'Y');
      });
    });
  }
  return cells;
}

describe('the policy table', () => {
  const expected = expectedMatrix();

  it('covers every role and action in the expected matrix', () => {
    expect(expected.size).toBe(ROLES.length * ACTIONS.length * RELATIONS.length);
  });

  for (const role of ROLES) {
    it(`decides every action for ${role} as the matrix says`, () => {
      const actual: string[] = [];
      const wanted: string[] = [];
      for (const action of ACTIONS as readonly Action[]) {
        for (const relation of RELATIONS) {
          const key = `${role} ${action} ${relation}`;
          actual.push(`${key} ${decide(role, action, relation)}`);
          wanted.push(`${key} ${expected.get(key)}`);
        }
      }
      expect(actual).toEqual(wanted);
    });
  }
});

describe('relationOf', () => {
  // 1 government → 2 department → 3 unit; 4 another government
  const path = { 1: [1], 2: [1, 2], 3: [1, 2, 3], 4: [4] } as const;
  it.each([
    [path[2], path[2], 'own'],
    [path[2], path[1], 'parent'],
    [path[2], path[3], 'child'],
    [path[1], path[3], 'child'],
    [path[3], path[1], 'parent'],
    [path[2], path[4], 'unrelated'],
    [[], path[1], 'unrelated'],
    [path[1], [], 'unrelated'],
  ] as const)('%j → %j is %s', (actor, target, relation) => {
    expect(relationOf(actor, target)).toBe(relation);
  });
});

describe('granting roles', () => {
  it('lets only a system administrator appoint administrators', () => {
    expect(mayGrant('sysadmin', 'agencyAdmin')).toBe(true);
    expect(mayGrant('agencyAdmin', 'agencyAdmin')).toBe(false);
    expect(mayGrant('agencyAdmin', 'sysadmin')).toBe(false);
    expect(mayGrant('agencyAdmin', 'handler')).toBe(true);
    for (const role of ['handler', 'reviewer', 'publisher', 'inspector'] as const)
      expect(GRANTABLE_ROLES[role]).toEqual([]);
  });
});
