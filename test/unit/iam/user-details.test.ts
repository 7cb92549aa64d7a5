// The user details' last-used dates: asked per key where the cloud has the action; a cloud without
// it (Eucalyptus) is reported once, and a refusal only hides the date.
import { expect, test } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import type { IamClient } from '../../../src/cloud/iam';
import { readUserDetails } from '../../../src/panels/iam/users-model';

function cloud(lastUsedError: string | null): { client: IamClient; calls: string[] } {
  const calls: string[] = [];
  const client: IamClient = {
    async call(op) {
      calls.push(op.action);
      if (op.action === 'GetLoginProfile')
        throw new CloudError({ code: 'NoSuchEntity', message: 'none', status: 404 });
      if (lastUsedError) throw new CloudError({ code: lastUsedError, message: 'no' });
      return { lastUsedDate: '2026-12-01T00:00:00Z', serviceName: 'ec2', region: 'x' } as never;
    },
    async list(op) {
      calls.push(op.action);
      if (op.action === 'ListAccessKeys')
        return [{ userName: 'u', accessKeyId: 'AK1', status: 'Active', createDate: '' }] as never;
      return [];
    },
  };
  return { client, calls };
}

test('keys carry their last use; no password is not an error', async () => {
  const { client } = cloud(null);
  const d = await readUserDetails(client, 'u');
  expect(d.loginProfile).toBeNull();
  expect(d.keys[0]?.lastUsed?.serviceName).toBe('ec2');
});

test('a cloud without GetAccessKeyLastUsed says so once; a caller not asking sends nothing', async () => {
  let told = 0;
  const { client } = cloud('InvalidAction');
  const d = await readUserDetails(client, 'u', { ask: true, unsupported: () => told++ });
  expect(d.keys[0]?.lastUsed).toBeNull();
  expect(told).toBe(1);
  const quiet = cloud('InvalidAction');
  await readUserDetails(quiet.client, 'u', { ask: false, unsupported: () => told++ });
  expect(quiet.calls).not.toContain('GetAccessKeyLastUsed');
  // A refusal hides the date and is no "unsupported".
  const denied = cloud('AccessDenied');
  await readUserDetails(denied.client, 'u', { ask: true, unsupported: () => told++ });
  expect(told).toBe(1);
});
