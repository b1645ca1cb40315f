// The one catalogue of domain errors: a stable code (for logs, the API and tests) and the message a clerk reads,
// in Chinese. Free of HTTP: the edge maps a code to a status in one place (src/http, later).

export const ERROR_CODES = [
  'validation',
  'notFound',
  'conflict',
  'referenceMissing',
  'referenceInUse',
  'forbidden',
  'notAuthenticated',
  'invalidCredentials',
  'accountLocked',
  'accountDisabled',
  'passwordChangeRequired',
  'weakPassword',
  'sessionExpired',
  'notGongkaiDatabase',
  'databaseInUse',
  'databaseTooNew',
  'retentionViolation',
  'calendarMissing',
  'ledgerInvalid',
  'invalidState',
  'personalData',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the message is about, when there is one (for forms). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export function isDomainError(e: unknown, code?: ErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}

/** Constructors for every error, so the wording lives here and nowhere else. */
export const errors = {
  validation: (field: string, label: string, problem: string) =>
    new DomainError('validation', `${label}：${problem}`, field),
  notFound: (what: string, id: string | number) => new DomainError('notFound', `${what}（${id}）不存在`),
  conflict: (label: string, field?: string) => new DomainError('conflict', `${label}已存在，不能重复`, field),
  referenceMissing: (label: string) => new DomainError('referenceMissing', `所引用的${label}不存在`),
  referenceInUse: (label: string) => new DomainError('referenceInUse', `${label}仍被其他记录引用，不能删除`),
  forbidden: (actionLabel: string) => new DomainError('forbidden', `无权${actionLabel}`),
  notAuthenticated: () => new DomainError('notAuthenticated', '请先登录'),
  // The same wording for an unknown user and a wrong password, so a guesser learns nothing (GB/T 22239 身份鉴别).
  invalidCredentials: () => new DomainError('invalidCredentials', '用户名或密码错误'),
  accountLocked: (until: string) =>
    new DomainError('accountLocked', `连续登录失败次数过多，账户已锁定至 ${until}，请稍后再试`),
  accountDisabled: () => new DomainError('accountDisabled', '账户已停用，请联系本机关管理员'),
  passwordChangeRequired: () =>
    new DomainError('passwordChangeRequired', '密码已过期或为管理员重置的密码，请先修改密码'),
  weakPassword: (field: string, label: string, rule: string) =>
    new DomainError('weakPassword', `${label}不符合要求：${rule}`, field),
  sessionExpired: () => new DomainError('sessionExpired', '登录已超时，请重新登录'),
  notGongkaiDatabase: (file: string, reason: string) =>
    new DomainError('notGongkaiDatabase', `${file} 不是有效的本系统数据库：${reason}`),
  databaseInUse: (file: string) =>
    new DomainError('databaseInUse', `数据库 ${file} 已存在且可能正在使用；确需覆盖请加 --force`),
  databaseTooNew: (names: string[]) =>
    new DomainError(
      'databaseTooNew',
      `数据库由较新版本的系统创建（未知的结构版本：${names.join('、')}），请先升级本系统`,
    ),
  retentionViolation: (days: number) =>
    new DomainError('retentionViolation', `审计记录至少保存${days}日（《网络安全法》第二十一条），不能删除更近的记录`),
  // A deadline is never guessed: without the State Council's notice for that year the arithmetic stops.
  calendarMissing: (year: number) => new DomainError('calendarMissing', `${year}年的节假日安排尚未录入，无法计算期限`),
  // The same answer for an unknown 查询号 and a wrong 查询码, so a guesser learns nothing.
  applicationLookupFailed: () => new DomainError('notFound', '查询号或查询码不正确，请核对后重新输入'),
  ledgerInvalid: (problem: string) => new DomainError('ledgerInvalid', `办理记录有误：${problem}`),
  // A step out of turn (publishing what no reviewer approved, reviewing what was never submitted …).
  invalidState: (problem: string) => new DomainError('invalidState', problem),
  // The personal-data guard (privacy/): what would go public holds hits nobody has dealt with; only masked forms.
  personalData: (hits: string[]) =>
    new DomainError(
      'personalData',
      `待公开的内容中有${hits.length}处个人信息尚未处理：${hits.join('；')}。请删除或替换后再发布，或逐项说明可以公开的理由`,
    ),
};
