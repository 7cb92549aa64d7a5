// Panels say asError; it is the one converter every boundary uses.
export { toErrorData as asError } from '../cloud/errors';
