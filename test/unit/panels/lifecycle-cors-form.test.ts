import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import browser from 'webextension-polyfill';
import type { LifecycleRule } from '../../../src/cloud/s3';
import {
  corsWords,
  emptyCorsForm,
  formToCorsRule,
} from '../../../src/panels/s3/settings/cors-form';
import {
  emptyLifecycleForm,
  formToRule,
  lifecycleForm,
  lifecycleWords,
} from '../../../src/panels/s3/settings/lifecycle-form';
import { needsRestore } from '../../../src/panels/s3/storage-class-ops';

// The words are checked in English, as the extension would show them.
beforeAll(() => {
  const messages = JSON.parse(
    readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
  ) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  browser.i18n.getMessage = ((key: string, subs: string[] = []) => {
    const entry = messages[key];
    if (!entry) return '';
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return subs[Number(content.slice(1)) - 1] ?? '';
    });
  }) as typeof browser.i18n.getMessage;
});

const rule = (patch: Partial<LifecycleRule>): LifecycleRule => ({
  id: '',
  enabled: true,
  prefix: '',
  tags: [],
  transitions: [],
  unsupported: [],
  ...patch,
});

describe('lifecycle rules in plain words', () => {
  test('expiry, old versions and unfinished uploads', () => {
    expect(
      lifecycleWords(
        rule({ prefix: 'logs/', expirationDays: 30, noncurrentDays: 7, abortDays: 2 }),
      ),
    ).toBe(
      'Objects under logs/ expire 30 days after creation; old versions after 7 days; unfinished uploads are aborted after 2 days',
    );
  });
  test('moves, tags, one day, a disabled rule', () => {
    expect(
      lifecycleWords(
        rule({
          enabled: false,
          tags: [{ key: 'env', value: 'dev' }],
          transitions: [{ days: 30, storageClass: 'GLACIER' }],
          expirationDays: 1,
        }),
      ),
    ).toBe(
      'Objects tagged env=dev move to GLACIER after 30 days; expire 1 day after creation (disabled)',
    );
  });
  test('a rule with only old versions or only uploads still reads', () => {
    expect(lifecycleWords(rule({ noncurrentDays: 7 }))).toBe(
      'All objects keep old versions for 7 days',
    );
    expect(lifecycleWords(rule({ prefix: 'up/', abortDays: 2 }))).toBe(
      'Objects under up/: unfinished uploads are aborted after 2 days',
    );
  });
});

describe('the lifecycle editor form', () => {
  test('a form and its rule go both ways', () => {
    const r = rule({
      id: 'a',
      prefix: 'p/',
      tags: [{ key: 'k', value: 'v=w' }],
      expirationDays: 9,
      transitions: [{ days: 3, storageClass: 'GLACIER_IR' }],
    });
    expect(formToRule(lifecycleForm(r), [], false)).toEqual({ rule: r });
  });
  test('wrong days are named at their field; nothing else is lost', () => {
    const form = {
      ...emptyLifecycleForm(),
      prefix: 'logs/',
      expirationDays: 'abc',
      abortDays: '0',
    };
    expect(formToRule(form, [], false)).toEqual({
      problems: { expirationDays: 'lcDaysInvalid', abortDays: 'lcDaysInvalid' },
    });
    expect(form.prefix).toBe('logs/');
  });
  test('no action, a taken ID, moves out of order', () => {
    expect(formToRule(emptyLifecycleForm(), [], false)).toEqual({
      problems: { rule: 'lcNoAction' },
    });
    expect(formToRule({ ...emptyLifecycleForm(), id: 'x', abortDays: '1' }, ['x'], false)).toEqual({
      problems: { id: 'lcIdDuplicate' },
    });
    expect(
      formToRule(
        {
          ...emptyLifecycleForm(),
          transitions: [
            { days: '60', storageClass: 'GLACIER' },
            { days: '30', storageClass: 'DEEP_ARCHIVE' },
          ],
        },
        [],
        false,
      ),
    ).toEqual({ problems: { transitions: 'lcTransitionsOrder' } });
  });
});

describe('the CORS editor form', () => {
  test('origins and headers by line, methods in S3 order', () => {
    const result = formToCorsRule({
      ...emptyCorsForm(),
      origins: 'https://a.example\n\n http://localhost:8080 ',
      methods: ['PUT', 'GET'],
      allowedHeaders: '*',
      maxAgeSeconds: '600',
    });
    expect(result).toEqual({
      rule: {
        id: '',
        origins: ['https://a.example', 'http://localhost:8080'],
        methods: ['GET', 'PUT'],
        allowedHeaders: ['*'],
        exposeHeaders: [],
        maxAgeSeconds: 600,
      },
    });
    if ('rule' in result)
      expect(corsWords(result.rule)).toBe(
        'GET, PUT from https://a.example, http://localhost:8080; headers: *; answers cached 600 s',
      );
  });
  test('a bad origin, no method, a negative max age', () => {
    expect(
      formToCorsRule({
        ...emptyCorsForm(),
        origins: 'example.com',
        methods: [],
        maxAgeSeconds: '-5',
      }),
    ).toEqual({
      problems: {
        origins: 'corsOriginInvalid',
        methods: 'corsNoMethod',
        maxAgeSeconds: 'corsMaxAgeInvalid',
      },
    });
  });
});

test('Glacier and Deep Archive need a restore before reading', () => {
  expect(needsRestore('GLACIER')).toBe(true);
  expect(needsRestore('DEEP_ARCHIVE')).toBe(true);
  expect(needsRestore('GLACIER_IR')).toBe(false);
});
