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
