import { expect, test } from 'vitest';
import type { AwsProfile } from '../../../src/cloud/profile';
import { formFromProfile, profileFromForm } from '../../../src/panels/profiles/profile-form-state';
import { emptyRoleRow } from '../../../src/panels/profiles/roles-form-state';

const profile: AwsProfile = {
  id: 'p1',
  kind: 'aws',
  name: 'prod',
  accessKeyId: 'AKIA',
  region: 'eu-west-1',
  mfaSerial: 'arn:aws:iam::123456789012:mfa/alice',
  roles: [
    { arn: 'arn:aws:iam::123456789012:role/Admin', label: 'Admin', color: 'red' },
    { arn: 'arn:aws:iam::210987654321:role/Audit', externalId: 'x-42', sessionName: 'alice' },
  ],
};

test('a profile with MFA and roles goes through the form unchanged', () => {
  expect(profileFromForm(formFromProfile(profile))).toEqual(profile);
});

test('empty rows and empty optional fields are left out; typed values are trimmed', () => {
  const form = formFromProfile({ ...profile, mfaSerial: undefined, roles: undefined } as never);
  expect(form.mfaSerial).toBe('');
  expect(form.roles).toEqual([]);
  form.roles = [
    emptyRoleRow(),
    { ...emptyRoleRow(), arn: ' arn:aws:iam::123456789012:role/Ops ', color: 'blue' },
  ];
  form.mfaSerial = '  ';
  const saved = profileFromForm(form);
  expect(saved).not.toHaveProperty('mfaSerial');
  expect((saved as AwsProfile).roles).toEqual([
    { arn: 'arn:aws:iam::123456789012:role/Ops', color: 'blue' },
  ]);
});
