import { describe, expect, test } from 'vitest';
import { validateProfile } from '../../../src/cloud/profile-validation';
import { presetPatch } from '../../../src/panels/profiles/cloud-preset-buttons';
import {
  emptyForm,
  formFromProfile,
  profileFromForm,
} from '../../../src/panels/profiles/profile-form-state';

describe('a password profile in the form', () => {
  test('holds account and user, no key; validation asks for those instead of keys', () => {
    const form = {
      ...emptyForm('eucalyptus'),
      name: 'Lab',
      host: '10.0.0.5',
      signIn: 'password' as const,
      account: ' engineering ',
      user: 'alice',
      accessKeyId: 'AKI-LEFT-OVER',
    };
    const profile = profileFromForm(form);
    expect(profile).toMatchObject({
      kind: 'eucalyptus',
      signIn: 'password',
      account: 'engineering',
      user: 'alice',
      accessKeyId: '',
    });
    expect(validateProfile(profile, false)).toEqual({});
    expect(validateProfile(profileFromForm({ ...form, account: '', user: ' ' }), false)).toEqual({
      account: 'required',
      user: 'required',
    });
    // Back to keys: they are required again.
    expect(validateProfile(profileFromForm({ ...form, signIn: 'keys' }), false)).toEqual({
      secretAccessKey: 'required',
    });
    expect(formFromProfile(profile)).toMatchObject({ signIn: 'password', account: 'engineering' });
  });

  test('service paths: defaults shown, written only when changed, checked as paths', () => {
    const form = { ...emptyForm('eucalyptus'), name: 'Lab', host: 'h', accessKeyId: 'AK' };
    expect(form.tokensPath).toBe('/services/Tokens');
    expect(profileFromForm(form)).not.toHaveProperty('tokensPath');
    const moved = profileFromForm({ ...form, tokensPath: '/services/Sts' });
    expect(moved).toMatchObject({ tokensPath: '/services/Sts' });
    expect(validateProfile(profileFromForm({ ...form, euarePath: 'no slash' }), true)).toEqual({
      euarePath: 'invalid-path',
    });
  });

  test('a preset fills port, paths and signature, and leaves the host', () => {
    const form = { ...emptyForm('eucalyptus'), host: 'cloud.example.com' };
    const openstack = { ...form, ...presetPatch('openstack') };
    expect(openstack).toMatchObject({
      host: 'cloud.example.com',
      port: '8773',
      ec2Path: '/services/Cloud',
      s3Path: '',
      signatureVersion: '2',
    });
    expect({ ...form, ...presetPatch('cloudstack') }).toMatchObject({
      port: '7080',
      ec2Path: '/awsapi',
      apiVersion: '2010-11-15',
    });
    expect({ ...form, ...presetPatch('eucalyptus-3') }).toMatchObject({
      ec2Path: '/services/Eucalyptus',
      s3Path: '/services/Walrus',
      tokensPath: '/services/Tokens',
      signatureVersion: '2',
    });
  });
});
