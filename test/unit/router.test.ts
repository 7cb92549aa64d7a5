import { describe, expect, test } from 'vitest';
import { createRouter, isOwnPage } from '../../src/background/router';
import { CloudError } from '../../src/cloud/errors';
import type { Handlers } from '../../src/shared/messages';

const origin = { id: 'abcdef', baseUrl: 'chrome-extension://abcdef/' };
const page = { id: 'abcdef', url: 'chrome-extension://abcdef/panel.html' };

// Only the messages these tests send; the router looks handlers up by name.
const handlers = {
  async ping({ echo }) {
    if (echo === 'fail')
      throw new CloudError({ code: 'AuthFailure', message: 'no', status: 401, requestId: 'r-1' });
    if (echo === 'crash') throw new TypeError('boom');
    return { echo, worker: 'w', calls: 1 };
  },
  async openPanel() {
    return { tabId: 7 };
  },
} as Partial<Handlers> as Handlers;
const route = createRouter(handlers, origin);

describe('isOwnPage', () => {
  test('accepts the extension’s own pages', () => {
    expect(isOwnPage(page, origin)).toBe(true);
  });
  test('rejects content scripts, other extensions and web pages', () => {
    expect(isOwnPage({ id: 'abcdef', url: 'https://evil.example/' }, origin)).toBe(false);
    expect(isOwnPage({ id: 'other', url: 'chrome-extension://other/x.html' }, origin)).toBe(false);
    expect(isOwnPage({ url: 'chrome-extension://abcdef/panel.html' }, origin)).toBe(false);
    expect(isOwnPage({ id: 'abcdef' }, origin)).toBe(false);
  });
});

describe('createRouter', () => {
  test('answers a typed message', async () => {
    expect(await route({ cirrus: 1, name: 'ping', args: { echo: 'hi' } }, page)).toEqual({
      ok: true,
      value: { echo: 'hi', worker: 'w', calls: 1 },
    });
  });
  test('ignores foreign senders and foreign messages entirely', () => {
    expect(
      route({ cirrus: 1, name: 'ping', args: { echo: 'x' } }, { id: 'abcdef', url: 'https://a/' }),
    ).toBe(undefined);
    expect(route({ type: 'something-else' }, page)).toBe(undefined);
    expect(route('ping', page)).toBe(undefined);
  });
  test('errors cross as data, keeping code, status and request id', async () => {
    expect(await route({ cirrus: 1, name: 'ping', args: { echo: 'fail' } }, page)).toEqual({
      ok: false,
      error: { code: 'AuthFailure', message: 'no', status: 401, requestId: 'r-1' },
    });
    expect(await route({ cirrus: 1, name: 'ping', args: { echo: 'crash' } }, page)).toEqual({
      ok: false,
      error: { code: 'Internal', message: 'boom' },
    });
  });
  test('an unknown message name gets an UnknownMessage error, not a crash', async () => {
    expect(await route({ cirrus: 1, name: 'toString', args: {} }, page)).toMatchObject({
      ok: false,
      error: { code: 'UnknownMessage' },
    });
  });
});
