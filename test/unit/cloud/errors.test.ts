// toErrorData: the one way anything thrown becomes the error data pages, replies and connection
// tests pass on.

import { describe, expect, test } from 'vitest';
import { CloudError, toErrorData } from '../../../src/cloud/errors';
import { asError } from '../../../src/panels/errors';

describe('toErrorData', () => {
  test('a CloudError keeps code, message, request id and status', () => {
    const error = new CloudError({
      code: 'AuthFailure',
      message: 'no',
      requestId: 'r-1',
      status: 401,
    });
    expect(toErrorData(error)).toEqual({
      code: 'AuthFailure',
      message: 'no',
      requestId: 'r-1',
      status: 401,
    });
  });

  test('a plain Error is Internal with its message', () => {
    expect(toErrorData(new Error('boom'))).toEqual({ code: 'Internal', message: 'boom' });
    expect(toErrorData(new TypeError('x is undefined'))).toEqual({
      code: 'Internal',
      message: 'x is undefined',
    });
  });

  test('a thrown string or other primitive becomes the message', () => {
    expect(toErrorData('went wrong')).toEqual({ code: 'Internal', message: 'went wrong' });
    expect(toErrorData(42)).toEqual({ code: 'Internal', message: '42' });
    expect(toErrorData(undefined)).toEqual({ code: 'Internal', message: 'undefined' });
    expect(toErrorData(null)).toEqual({ code: 'Internal', message: 'null' });
  });

  test('error data that crossed as a plain object keeps request id and status', () => {
    expect(
      toErrorData({ code: 'RequestLimitExceeded', message: 'slow', requestId: 'r-2', status: 503 }),
    ).toEqual({ code: 'RequestLimitExceeded', message: 'slow', requestId: 'r-2', status: 503 });
  });

  test('an object without a code is Internal', () => {
    expect(toErrorData({ message: 'half an error' })).toEqual({
      code: 'Internal',
      message: 'half an error',
    });
    expect(toErrorData({ code: '', message: 'empty code' })).toMatchObject({ code: 'Internal' });
  });

  test('a numeric code (DOMException) is not taken for a server code', () => {
    const aborted = new DOMException('The operation was aborted.', 'AbortError');
    expect(toErrorData(aborted)).toEqual({
      code: 'Internal',
      message: 'The operation was aborted.',
    });
  });

  test('fields of the wrong type are dropped', () => {
    expect(toErrorData({ code: 'X', message: 7, requestId: 9, status: '500' })).toEqual({
      code: 'X',
      message: 'Unexpected error',
    });
  });

  test('nothing but the four known fields is carried over', () => {
    const thrown = Object.assign(new Error('Signing failed'), {
      code: 'SigningFailed',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      request: { headers: { authorization: 'AWS4-HMAC-SHA256 Signature=abcdef0123456789' } },
    });
    const data = toErrorData(thrown);
    expect(data).toEqual({ code: 'SigningFailed', message: 'Signing failed' });
    expect(JSON.stringify(data)).not.toMatch(/EXAMPLEKEY|abcdef0123456789/);
  });

  test('an object without a message does not dump itself into the message', () => {
    const data = toErrorData({ secret: 'wJalrXUtnFEMI', toString: () => 'wJalrXUtnFEMI' });
    expect(data).toEqual({ code: 'Internal', message: 'Unexpected error' });
  });

  test('panels use the same converter', () => {
    expect(asError).toBe(toErrorData);
  });
});
