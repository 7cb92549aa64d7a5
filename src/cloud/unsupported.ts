// Whether an error is a cloud saying it lacks an action altogether (Eucalyptus has no CopyImage,
// moto no BundleInstance), as opposed to refusing this particular request.

import type { CloudErrorData } from './errors';

const UNSUPPORTED_CODES = new Set([
  'InvalidAction',
  'UnsupportedOperation',
  'Unsupported',
  'UnknownOperation',
  'NotImplemented',
]);

export function isUnsupportedAction(error: CloudErrorData | null | undefined): boolean {
  return !!error && UNSUPPORTED_CODES.has(error.code);
}
