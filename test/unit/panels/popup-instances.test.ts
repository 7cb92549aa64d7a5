import { describe, expect, test } from 'vitest';
import type { Instance } from '../../../src/cloud/ec2';
import { popupInstances } from '../../../src/panels/popup/popup-model';

function instance(id: string, state: string, launchTime: string, extra: Partial<Instance> = {}) {
  return {
    instanceId: id,
    state: { code: '0', name: state },
    launchTime,
    tags: [],
    dnsName: '',
    ipAddress: '',
    privateIpAddress: '',
    keyName: '',
    ...extra,
  } as unknown as Instance;
}

describe('the popup’s instances', () => {
  test('only what runs or is changing, the newest launch first', () => {
    const rows = popupInstances([
      instance('i-old', 'running', '2026-11-01T10:00:00.000Z'),
      instance('i-stopped', 'stopped', '2026-11-03T10:00:00.000Z'),
      instance('i-gone', 'terminated', '2026-11-04T10:00:00.000Z'),
      instance('i-new', 'pending', '2026-11-05T10:00:00.000Z'),
      instance('i-leaving', 'shutting-down', '2026-11-02T10:00:00.000Z'),
    ]);
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['i-new', 'pending'],
      ['i-leaving', 'shutting-down'],
      ['i-old', 'running'],
    ]);
  });

  test('name, public address first, and the SSH command the panel builds', () => {
    const [row] = popupInstances([
      instance('i-1', 'running', '2026-11-01T10:00:00.000Z', {
        tags: [{ key: 'Name', value: 'web-1' }],
        ipAddress: '54.1.2.3',
        dnsName: 'ec2-54-1-2-3.compute-1.amazonaws.com',
        privateIpAddress: '10.0.0.5',
        keyName: 'ops',
      }),
    ]);
    expect(row).toEqual({
      id: 'i-1',
      name: 'web-1',
      state: 'running',
      address: '54.1.2.3',
      ssh: { ok: true, command: 'ssh -i ops.pem ec2-user@ec2-54-1-2-3.compute-1.amazonaws.com' },
    });
  });

  test('a private-only instance shows its private address; none yet, no SSH and why', () => {
    const rows = popupInstances([
      instance('i-p', 'running', '2026-11-01T10:00:00.000Z', { privateIpAddress: '10.0.0.9' }),
      instance('i-n', 'pending', '2026-11-01T09:00:00.000Z'),
      instance('i-x', 'pending', '2026-11-01T08:00:00.000Z', { dnsName: '-oProxyCommand=x' }),
    ]);
    expect(rows.map((r) => [r.address, r.ssh])).toEqual([
      ['10.0.0.9', { ok: true, command: 'ssh ec2-user@10.0.0.9' }],
      ['', { ok: false, reason: 'no-host' }],
      ['-oProxyCommand=x', { ok: false, reason: 'invalid-host', host: '-oProxyCommand=x' }],
    ]);
  });
});
