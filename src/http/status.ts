// The one place where a domain error becomes an HTTP status (architecture.md §8). Exhaustive: a new error code
// does not compile until it is given a status here.
import type { ErrorCode } from '../errors.ts';

export const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 500> = {
  validation: 400,
  notFound: 404,
  conflict: 409,
  referenceMissing: 400,
  referenceInUse: 409,
  forbidden: 403,
  notAuthenticated: 401,
  invalidCredentials: 401,
  accountLocked: 403,
  accountDisabled: 403,
  passwordChangeRequired: 403,
  weakPassword: 400,
  sessionExpired: 401,
  notGongkaiDatabase: 500,
  databaseInUse: 409,
  databaseTooNew: 500,
  retentionViolation: 409,
  // The deadline cannot be computed until someone enters the year's holidays: the server's data, not the request.
  calendarMissing: 500,
  ledgerInvalid: 409,
  invalidState: 409,
  personalData: 409,
};

/** Page titles of the error pages. */
export const STATUS_TITLES: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  409: '操作冲突',
  413: '提交的内容过大',
  500: '系统错误',
};
