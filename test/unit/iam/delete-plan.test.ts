import { expect, test } from 'vitest';
import { deletePlan, NOTHING } from '../../../src/cloud/iam';
import { stepText } from '../../../src/panels/iam/iam-dialogs';

test('a bare principal is deleted alone', () => {
  expect(deletePlan(NOTHING)).toEqual([{ kind: 'principal' }]);
});

test("a user's password, keys, groups, inline and attached policies go first, the user last", () => {
  const plan = deletePlan({
    loginProfile: true,
    accessKeyIds: ['AKIA1', 'AKIA2'],
    certificateIds: ['CERT1'],
    mfaSerials: ['arn:aws:iam::1:mfa/alice'],
    instanceProfiles: [],
    memberships: [{ groupName: 'devs', userName: 'alice' }],
    inlinePolicies: ['s3-read'],
    attachedPolicies: [{ policyName: 'ops', policyArn: 'arn:aws:iam::1:policy/ops' }],
  });
  expect(plan).toEqual([
    { kind: 'loginProfile' },
    { kind: 'accessKey', accessKeyId: 'AKIA1' },
    { kind: 'accessKey', accessKeyId: 'AKIA2' },
    { kind: 'signingCertificate', certificateId: 'CERT1' },
    { kind: 'mfaDevice', serialNumber: 'arn:aws:iam::1:mfa/alice' },
    { kind: 'membership', groupName: 'devs', userName: 'alice' },
    { kind: 'inlinePolicy', policyName: 's3-read' },
    { kind: 'attachedPolicy', policyName: 'ops', policyArn: 'arn:aws:iam::1:policy/ops' },
    { kind: 'principal' },
  ]);
  // The confirmation lists every step (the fake i18n answers with keys).
  expect(plan.map((s) => stepText(s, 'alice'))).toEqual([
    'iamStepPassword',
    'iamStepAccessKey',
    'iamStepAccessKey',
    'iamStepCertificate',
    'iamStepMfa',
    'iamStepLeaveGroup',
    'iamStepInline',
    'iamStepDetach',
    'iamStepPrincipal',
  ]);
});

test("a group's members are removed (named as members, not as groups left)", () => {
  const plan = deletePlan({
    ...NOTHING,
    memberships: [{ groupName: 'devs', userName: 'bob' }],
  });
  expect(plan.map((s) => stepText(s, 'devs'))).toEqual(['iamStepRemoveMember', 'iamStepPrincipal']);
});

test('a role leaves its instance profiles and loses its policies before it goes', () => {
  const plan = deletePlan({
    ...NOTHING,
    instanceProfiles: ['web-profile'],
    attachedPolicies: [{ policyName: 'ops', policyArn: 'arn:aws:iam::1:policy/ops' }],
  });
  expect(plan.map((s) => s.kind)).toEqual(['instanceProfile', 'attachedPolicy', 'principal']);
  expect(stepText(plan[0] ?? { kind: 'principal' }, 'web')).toBe('iamStepInstanceProfile');
});
