// Mail settings, parsed once at start. Without GONGKAI_SMTP_URL no email leaves the system: messages wait in the
// outbox marked “未配置邮件服务器” and nothing fails.
//
// | Variable                     | Default | Meaning                                                  |
// |------------------------------|---------|----------------------------------------------------------|
// | GONGKAI_SMTP_URL             | (none)  | smtp://user:pass@host:587 or smtps://…:465               |
// | GONGKAI_MAIL_FROM            | (none)  | the sender address, e.g. 示例区政务公开 <gk@example.gov.cn> |
// | GONGKAI_MAIL_MAX_ATTEMPTS    | 8       | attempts before a message is given up (error kept)       |
// | GONGKAI_MAIL_INTERVAL_SECONDS| 30      | how often each server process looks for due messages     |
import { z } from 'zod';
import { envInt } from '../config.ts';

export interface MailConfig {
  smtpUrl: string | null;
  from: string | null;
  maxAttempts: number;
  intervalSeconds: number;
}

const schema = z.object({
  GONGKAI_SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/\S+$/i, '应为 smtp://用户名:密码@主机:端口 的形式')
    .optional(),
  GONGKAI_MAIL_FROM: z.string().trim().min(3, '应为发件人邮箱地址').optional(),
  GONGKAI_MAIL_MAX_ATTEMPTS: envInt(1, 50, 8),
  GONGKAI_MAIL_INTERVAL_SECONDS: envInt(1, 3600, 30),
});

export function parseMailConfig(env: Record<string, string | undefined>): MailConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `环境变量 ${i.path.join('.')}：${i.message}`);
    throw new Error(`配置有误：\n${lines.join('\n')}`);
  }
  const e = result.data;
  if (e.GONGKAI_SMTP_URL && !e.GONGKAI_MAIL_FROM)
    throw new Error('配置有误：\n环境变量 GONGKAI_MAIL_FROM：设置了 GONGKAI_SMTP_URL 时不能为空');
  return {
    smtpUrl: e.GONGKAI_SMTP_URL || null,
    from: e.GONGKAI_MAIL_FROM || null,
    maxAttempts: e.GONGKAI_MAIL_MAX_ATTEMPTS,
    intervalSeconds: e.GONGKAI_MAIL_INTERVAL_SECONDS,
  };
}
