// The instance settings form: filled from what the cloud answered, which controls may be used,
// the user data check it shares with the launch dialog, and only changed attributes sent.

import { describe, expect, test } from 'vitest';
import { encodeBase64Utf8 } from '../../../src/cloud/ec2/base64';
import type { InstanceAttributeName } from '../../../src/cloud/ec2/operations/instance-attributes';
import {
  USER_DATA_LIMIT,
  userDataBase64,
  viewUserData,
} from '../../../src/panels/components/user-data';
import {
  blockedReason,
  holds,
  type SettingsContext,
  settingsChanges,
  settingsFormFrom,
  validateSettings,
} from '../../../src/panels/instances/instance-settings';
import type { AttributeReadings } from '../../../src/panels/instances/load-instance-attributes';
import { emptyLaunchForm, validateLaunch } from '../../../src/panels/launch/launch-form';

const readings: AttributeReadings = {
  instanceType: { state: 'ok', value: 't2.micro' },
  disableApiTermination: { state: 'ok', value: false },
  instanceInitiatedShutdownBehavior: { state: 'ok', value: 'stop' },
  sourceDestCheck: { state: 'ok', value: true },
  userData: { state: 'ok', value: encodeBase64Utf8('#!/bin/sh\necho hi\n') },
};

function ctx(
  state: string,
  over: Partial<SettingsContext> = {},
  unsupported: InstanceAttributeName[] = [],
): SettingsContext {
  return {
    instance: { state: { code: '', name: state }, vpcId: 'vpc-1' },
    readings,
    unsupported: new Set(unsupported),
    ...over,
  };
}

describe('viewUserData', () => {
  test('text, none, binary, and plain text from a server that does not encode', () => {
    expect(viewUserData(encodeBase64Utf8('#cloud-config\nこんにちは\n'))).toEqual({
      kind: 'text',
      text: '#cloud-config\nこんにちは\n',
    });
    expect(viewUserData('')).toEqual({ kind: 'none' });
    // gzip's magic number: not text.
    const gzip = btoa(String.fromCharCode(0x1f, 0x8b, 0x08, 0x00, 0xff));
    expect(viewUserData(gzip)).toEqual({
      kind: 'binary',
      bytes: new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff]),
    });
    // Invalid UTF-8 without control bytes is binary too.
    expect(viewUserData(btoa(String.fromCharCode(0xc3, 0x28))).kind).toBe('binary');
    expect(viewUserData('not base64!')).toEqual({ kind: 'text', text: 'not base64!' });
  });
});

describe('the form', () => {
  test('starts as the cloud answered; binary user data leaves the text empty', () => {
    expect(settingsFormFrom(readings)).toEqual({
      instanceType: 't2.micro',
      disableApiTermination: false,
      instanceInitiatedShutdownBehavior: 'stop',
      sourceDestCheck: true,
      userData: '#!/bin/sh\necho hi\n',
      userDataFile: null,
      userDataEdited: false,
    });
    const binary = settingsFormFrom({
      ...readings,
      userData: { state: 'ok', value: btoa('\u0000\u0001') },
    });
    expect(binary.userData).toBe('');
  });

  test('nothing changed sends nothing', () => {
    expect(settingsChanges(settingsFormFrom(readings), ctx('stopped'))).toEqual([]);
  });

  test('only what changed is sent, in a fixed order, user data as base64', () => {
    const form = {
      ...settingsFormFrom(readings),
      userData: 'echo new\n',
      userDataEdited: true,
      disableApiTermination: true,
      instanceType: 't3.small',
    };
    expect(settingsChanges(form, ctx('stopped'))).toEqual([
      { attribute: 'instanceType', value: 't3.small' },
      { attribute: 'disableApiTermination', value: true },
      { attribute: 'userData', value: encodeBase64Utf8('echo new\n') },
    ]);
  });

  test('user data typed back to what it was is no change; cleared is a change to none', () => {
    const form = settingsFormFrom(readings);
    expect(settingsChanges({ ...form, userDataEdited: true }, ctx('stopped'))).toEqual([]);
    expect(
      settingsChanges({ ...form, userData: '', userDataEdited: true }, ctx('stopped')),
    ).toEqual([{ attribute: 'userData', value: '' }]);
  });

  test('a chosen file is sent as its bytes', () => {
    const file = { name: 'boot.gz', base64: btoa('\u001f\u008b'), bytes: 2 };
    const form = { ...settingsFormFrom(readings), userDataFile: file, userDataEdited: true };
    expect(settingsChanges(form, ctx('stopped'))).toEqual([
      { attribute: 'userData', value: file.base64 },
    ]);
    expect(userDataBase64(form)).toBe(file.base64);
  });
});

describe('which controls may be used', () => {
  test('type and user data only when stopped; the rest while running', () => {
    const running = ctx('running');
    expect(blockedReason('instanceType', running)).toBe('needs-stop');
    expect(blockedReason('userData', running)).toBe('needs-stop');
    expect(blockedReason('disableApiTermination', running)).toBeNull();
    expect(blockedReason('instanceInitiatedShutdownBehavior', running)).toBeNull();
    expect(blockedReason('sourceDestCheck', running)).toBeNull();
    const form = {
      ...settingsFormFrom(readings),
      instanceType: 't3.small',
      sourceDestCheck: false,
    };
    // The type change waits for a stop; the check goes now.
    expect(settingsChanges(form, running)).toEqual([
      { attribute: 'sourceDestCheck', value: false },
    ]);
  });

  test('source/dest check is for VPC instances only', () => {
    const classic = ctx('stopped', {
      instance: { state: { code: '80', name: 'stopped' }, vpcId: '' },
    });
    expect(blockedReason('sourceDestCheck', classic)).toBe('vpc-only');
    const form = { ...settingsFormFrom(readings), sourceDestCheck: false };
    expect(settingsChanges(form, classic)).toEqual([]);
  });

  test('unsupported by this cloud (remembered, or refused when read), or unknown', () => {
    expect(blockedReason('sourceDestCheck', ctx('stopped', {}, ['sourceDestCheck']))).toBe(
      'unsupported',
    );
    const refused = ctx('stopped', {
      readings: {
        ...readings,
        instanceInitiatedShutdownBehavior: {
          state: 'unsupported',
          error: { code: 'InvalidParameterValue', message: 'Unknown attribute.' },
        },
        disableApiTermination: {
          state: 'failed',
          error: { code: 'InternalError', message: 'x' },
        },
      },
    });
    expect(blockedReason('instanceInitiatedShutdownBehavior', refused)).toBe('unsupported');
    expect(blockedReason('disableApiTermination', refused)).toBe('unknown');
    const form = {
      ...settingsFormFrom(readings),
      instanceInitiatedShutdownBehavior: 'terminate',
      disableApiTermination: true,
    };
    expect(settingsChanges(form, refused)).toEqual([]);
  });
});

test('user data over 16 KB is refused as the launch dialog refuses it', () => {
  const big = 'あ'.repeat(Math.floor(USER_DATA_LIMIT / 3) + 1);
  const form = { ...settingsFormFrom(readings), userData: big, userDataEdited: true };
  const problem = validateSettings(form).userData;
  expect(problem).toEqual(validateLaunch({ ...emptyLaunchForm('ami-1'), userData: big }).userData);
  expect(problem?.bytes).toBeGreaterThan(USER_DATA_LIMIT);
  // Not edited: the current user data is not checked again.
  expect(validateSettings({ ...form, userDataEdited: false })).toEqual({});
});

test('holds: what a read back must show for each change', () => {
  expect(holds({ attribute: 'instanceType', value: 't3.small' }, 't3.small')).toBe(true);
  expect(
    holds({ attribute: 'instanceInitiatedShutdownBehavior', value: 'terminate' }, 'stop'),
  ).toBe(false);
  expect(holds({ attribute: 'disableApiTermination', value: true }, true)).toBe(true);
  // The same bytes, whatever line breaks the server puts in its base64.
  expect(holds({ attribute: 'userData', value: 'aGVsbG8=' }, 'aGVs\nbG8=')).toBe(true);
  expect(holds({ attribute: 'userData', value: '' }, '')).toBe(true);
});
