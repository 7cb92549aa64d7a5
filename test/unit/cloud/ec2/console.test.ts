import { expect, test } from 'vitest';
import { decodeBase64Utf8, encodeBase64Utf8 } from '../../../../src/cloud/ec2/base64';
import { getConsoleOutput } from '../../../../src/cloud/ec2/operations/console';
import { readFixture } from './fixtures';

test('Eucalyptus: base64 wrapped at 76 columns, UTF-8 text', () => {
  const out = readFixture(getConsoleOutput, 'eucalyptus-get-console-output.xml');
  expect(out.instanceId).toBe('i-A7F240F7');
  expect(out.timestamp).toBe('2014-01-24T11:30:00.000Z');
  expect(out.output).toBe(
    'Linux version 2.6.32-431.el6.x86_64\nStarting sshd: [  OK  ]\nこんにちは、クラウド\n',
  );
  expect(out.raw.startsWith('TGludXggdmVyc2lvbi')).toBe(true);
});

test('moto', () => {
  const out = readFixture(getConsoleOutput, 'moto-get-console-output.xml');
  expect(out.output.startsWith('Linux version 2.6.16-xenU')).toBe(true);
  expect(out.output).toContain('Enabling fast FPU save and restore... done.\n');
});

test('no output yet, and plain text that is not base64', () => {
  expect(getConsoleOutput.read({ instanceId: 'i-1', output: '' }).output).toBe('');
  expect(getConsoleOutput.read({ instanceId: 'i-1', output: 'boot: ok!' }).output).toBe(
    'boot: ok!',
  );
  expect(getConsoleOutput.params({ instanceId: 'i-1' })).toEqual([['InstanceId', 'i-1']]);
});

test('base64 both ways without Buffer', () => {
  const text = '#!/bin/sh\necho "こんにちは" > /tmp/hello\n';
  const encoded = encodeBase64Utf8(text);
  expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64'));
  expect(decodeBase64Utf8(encoded)).toBe(text);
  expect(decodeBase64Utf8('not base64!')).toBeUndefined();
});
