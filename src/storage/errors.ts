// The engines' constraint violations, as the one domain error a clerk understands (naming the field).
import { type DomainError, errors } from '../errors.ts';
import type { Violation } from './violation.ts';

/** Chinese names of the columns that carry unique or foreign-key constraints. */
const COLUMN_LABELS: Record<string, { label: string; field: string }> = {
  'users.username': { label: '用户名', field: 'username' },
  'agencies.credit_code': { label: '统一社会信用代码', field: 'creditCode' },
  'agencies.name': { label: '机构名称', field: 'name' },
  'applications.tracking_no': { label: '查询号', field: 'trackingNo' },
  parent_id: { label: '上级机构', field: 'parentId' },
  agency_id: { label: '所属机构', field: 'agencyId' },
  user_id: { label: '用户', field: 'userId' },
};

const TABLE_LABELS: Record<string, string> = { agencies: '机构', users: '用户', sessions: '会话' };

export function violationToError(v: Violation): DomainError {
  switch (v.kind) {
    case 'unique': {
      const known = COLUMN_LABELS[`${v.table}.${v.column}`];
      return known ? errors.conflict(known.label, known.field) : errors.conflict('相同记录');
    }
    case 'foreignKeyMissing': {
      const known = v.column ? COLUMN_LABELS[v.column] : undefined;
      return errors.referenceMissing(known?.label ?? '记录');
    }
    case 'foreignKeyInUse':
      return errors.referenceInUse(TABLE_LABELS[v.table ?? ''] ?? '该记录');
  }
}
