import type { CloudErrorData } from '../cloud/errors';

/** Whatever a call threw, as the plain error data panels show. */
export function asError(error: unknown): CloudErrorData {
  const e = error as Partial<CloudErrorData>;
  const data: CloudErrorData = { code: e.code ?? 'Internal', message: e.message ?? String(error) };
  if (e.requestId) data.requestId = e.requestId;
  if (e.status) data.status = e.status;
  return data;
}
