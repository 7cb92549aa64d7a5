// Typed errors that cross every boundary as plain data (message passing, storage, tests).

export interface CloudErrorData {
  /** Server error code (e.g. SignatureDoesNotMatch) or a local one (e.g. NetworkError). */
  code: string;
  message: string;
  requestId?: string;
  status?: number;
}

export class CloudError extends Error implements CloudErrorData {
  readonly code: string;
  readonly requestId?: string;
  readonly status?: number;

  constructor(data: CloudErrorData) {
    super(data.message);
    this.name = 'CloudError';
    this.code = data.code;
    if (data.requestId !== undefined) this.requestId = data.requestId;
    if (data.status !== undefined) this.status = data.status;
  }

  toData(): CloudErrorData {
    const data: CloudErrorData = { code: this.code, message: this.message };
    if (this.requestId !== undefined) data.requestId = this.requestId;
    if (this.status !== undefined) data.status = this.status;
    return data;
  }
}

/**
 * Whatever was thrown, as the plain error data every boundary passes on (a reply to a page, a
 * panel's notice, a connection test). Only the four known fields are copied, each checked for its
 * type, so an object thrown with extra fields (a request, a profile) never carries them along.
 */
export function toErrorData(thrown: unknown): CloudErrorData {
  if (thrown instanceof CloudError) return thrown.toData();
  if (typeof thrown !== 'object' || thrown === null) {
    return { code: 'Internal', message: String(thrown) };
  }
  const e = thrown as Record<string, unknown>;
  const data: CloudErrorData = {
    // DOMException's `code` is a number, not a server code: only a non-empty string counts.
    code: typeof e.code === 'string' && e.code !== '' ? e.code : 'Internal',
    // String() of a plain object says nothing useful and could run its own toString.
    message: typeof e.message === 'string' ? e.message : 'Unexpected error',
  };
  if (typeof e.requestId === 'string' && e.requestId !== '') data.requestId = e.requestId;
  if (typeof e.status === 'number' && e.status > 0) data.status = e.status;
  return data;
}
