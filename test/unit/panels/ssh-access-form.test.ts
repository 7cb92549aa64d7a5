import { describe, expect, test } from 'vitest';
import type { Instance } from '../../../src/cloud/ec2';
import {
  checkIpOrigin,
  groupChoices,
  initialSshAccessForm,
  lookUpAddress,
  sshAccessRequest,
  validateSshAccess,
} from '../../../src/panels/instances/ssh-access-form';

const instance = (fields: Partial<Instance>): Instance =>
  ({ instanceId: 'i-1', platform: '', vpcId: '', groups: [], ...fields }) as Instance;

const vpc = instance({
  vpcId: 'vpc-1',
  groups: [
    { groupId: 'sg-1', groupName: 'web' },
    { groupId: 'sg-2', groupName: 'admin' },
  ],
});
const euca = instance({
  instanceId: 'i-ABCD1234',
  groups: [{ groupId: '', groupName: 'default' }],
});

describe('the Open SSH form', () => {
  test('port 22, or 3389 for Windows; the first group; an hour', () => {
    expect(initialSshAccessForm(vpc, '')).toEqual({
      address: '',
      checkIpUrl: '',
      port: '22',
      group: 'sg-1',
      minutes: '60',
    });
    expect(initialSshAccessForm(instance({ platform: 'windows' }), 'https://x').port).toBe('3389');
  });

  test('groups by id in a VPC, by name on Eucalyptus and EC2-Classic', () => {
    expect(groupChoices(vpc).map((g) => [g.key, g.byId, g.label])).toEqual([
      ['sg-1', true, 'web (sg-1)'],
      ['sg-2', true, 'admin (sg-2)'],
    ]);
    const classic = instance({ groups: [{ groupId: 'sg-9', groupName: 'old' }] });
    expect(groupChoices(classic)[0]).toMatchObject({ key: 'old', byId: false });
    expect(groupChoices(euca)[0]).toMatchObject({ key: 'default', byId: false, label: 'default' });
  });

  test('checks the address, port and choices before anything is sent', () => {
    const form = { ...initialSshAccessForm(vpc, ''), address: '203.0.113.7' };
    expect(validateSshAccess(form)).toEqual({});
    expect(validateSshAccess({ ...form, address: '' })).toEqual({ address: 'fieldRequired' });
    expect(validateSshAccess({ ...form, address: '0.0.0.0/0' })).toEqual({
      address: 'sshAccessAddressInvalid',
    });
    expect(validateSshAccess({ ...form, port: '65536' })).toEqual({ port: 'portInvalid' });
    expect(validateSshAccess({ ...form, port: '2 2' })).toEqual({ port: 'portInvalid' });
    expect(validateSshAccess({ ...form, minutes: '5' })).toEqual({ minutes: 'fieldRequired' });
    expect(validateSshAccess({ ...form, group: '' })).toEqual({ group: 'fieldRequired' });
  });

  test('the request names the group the way the cloud does', () => {
    const form = { ...initialSshAccessForm(euca, ''), address: ' 2001:db8::7 ', minutes: '15' };
    expect(sshAccessRequest(form, euca, 'p1', '')).toEqual({
      profileId: 'p1',
      region: '',
      instanceId: 'i-ABCD1234',
      groupId: '',
      groupName: 'default',
      byId: false,
      port: 22,
      address: '2001:db8::7',
      minutes: 15,
    });
  });
});

describe('the consented address look-up', () => {
  test('needs an https URL (http only on this computer), and asks for its host only', () => {
    expect(checkIpOrigin('https://checkip.amazonaws.com')).toEqual({
      url: 'https://checkip.amazonaws.com/',
      origin: 'https://checkip.amazonaws.com/*',
    });
    expect(checkIpOrigin('http://127.0.0.1:8080/ip')).toEqual({
      url: 'http://127.0.0.1:8080/ip',
      origin: 'http://127.0.0.1/*',
    });
    expect(checkIpOrigin('')).toBe('fieldRequired');
    for (const bad of [
      'http://checkip.example.com',
      'ftp://example.com',
      'https://user:pw@example.com',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(checkIpOrigin(bad), bad).toBe('sshAccessUrlInvalid');
  });

  const answering =
    (body: string, status = 200): typeof fetch =>
    async (_url, init) => {
      expect(init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
      return new Response(body, { status });
    };

  test('an address is taken from the answer', async () => {
    expect(await lookUpAddress('https://x/', answering('203.0.113.7\n'))).toBe('203.0.113.7');
    expect(await lookUpAddress('https://x/', answering('2001:db8::7'))).toBe('2001:db8::7');
  });

  test('anything else is refused without showing it', async () => {
    const hostile = '<img src=x onerror=alert(1)> 0.0.0.0/0';
    const refusal = lookUpAddress('https://x/', answering(hostile));
    await expect(refusal).rejects.toMatchObject({ code: 'CheckIpNotAnAddress' });
    await expect(refusal).rejects.not.toMatchObject({ message: expect.stringContaining('img') });
    await expect(lookUpAddress('https://x/', answering('203.0.113.7', 503))).rejects.toMatchObject({
      code: 'CheckIpFailed',
      status: 503,
    });
  });
});
