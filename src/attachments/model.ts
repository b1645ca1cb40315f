// Attachments: who may see a file (its audience), what kind of owner it has, and the limits on uploads.
import { createHash } from 'node:crypto';
import { errors } from '../errors.ts';
import { ALLOWED_TYPES_TEXT, detectMediaType, type MediaType, Refused } from './detect.ts';

export const OWNER_KINDS = ['application', 'decision'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** 'staff': originals, never given out; 'applicant': may be given to the applicant (e.g. a redacted copy). */
export const AUDIENCES = ['staff', 'applicant'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  staff: '仅工作人员（原件）',
  applicant: '可提供给申请人',
};

export const OWNER_KIND_LABELS: Record<OwnerKind, string> = {
  application: '申请人提交',
  decision: '答复附件（公开的信息）',
};

export interface AttachmentLimits {
  /** One file at most. */
  maxFileBytes: number;
  /** Files of one kind (the applicant's, or the reply's) on one application. */
  maxFiles: number;
  maxTotalBytes: number;
}

const MB = 1024 * 1024;
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxFileBytes: 20 * MB,
  maxFiles: 10,
  maxTotalBytes: 50 * MB,
};

/** A file as it arrived: the name the client gave and the bytes. */
export interface IncomingFile {
  name: string;
  data: Uint8Array;
}

/** A file that passed the checks, ready to store. */
export interface CheckedFile {
  fileName: string;
  mediaType: MediaType;
  size: number;
  sha256: string;
  data: Uint8Array;
}

/** An attachment without its bytes. */
export interface Attachment {
  id: number;
  ownerKind: OwnerKind;
  ownerId: number;
  applicationId: number;
  agencyId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  audience: Audience;
  uploadedBy: string;
  createdAt: string;
}

export const FIELD = 'attachments';
const refuse = (problem: string) => errors.validation(FIELD, '附件', problem);

/** The name shown and offered on download: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = String(name ?? '')
    .split(/[\\/]/)
    .pop()
    ?.split('')
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
    .slice(-200);
  return base || '附件';
}

export const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** Check each file and the set; a refusal names the file and the reason. */
export function checkFiles(
  files: IncomingFile[],
  limits: AttachmentLimits,
  already: { count: number; bytes: number } = { count: 0, bytes: 0 },
): CheckedFile[] {
  const present = files.filter((f) => f.data.length > 0 || f.name);
  if (already.count + present.length > limits.maxFiles)
    throw refuse(`最多上传 ${limits.maxFiles} 个文件，本次共 ${already.count + present.length} 个`);
  let total = already.bytes;
  const checked: CheckedFile[] = [];
  for (const file of present) {
    const fileName = cleanFileName(file.name);
    if (file.data.length > limits.maxFileBytes)
      throw refuse(
        `文件“${fileName}”大小为 ${megabytes(file.data.length)}，超过单个文件 ${megabytes(limits.maxFileBytes)} 的限制`,
      );
    total += file.data.length;
    if (total > limits.maxTotalBytes) throw refuse(`文件合计超过 ${megabytes(limits.maxTotalBytes)} 的限制`);
    let mediaType: MediaType;
    try {
      mediaType = detectMediaType(file.data);
    } catch (e) {
      if (e instanceof Refused) throw refuse(`文件“${fileName}”${e.message}。可上传的类型：${ALLOWED_TYPES_TEXT}`);
      throw e;
    }
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    checked.push({ fileName, mediaType, size: file.data.length, sha256, data: file.data });
  }
  return checked;
}
