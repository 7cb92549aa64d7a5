// New profiles talk HTTPS unless the user says otherwise; a profile on plain HTTP is recognised
// (the panel warns on it), and a profile read back into the form keeps its scheme.

import { expect, test } from 'vitest';
import { usesPlainHttp } from '../../../src/cloud/endpoints';
import type { Profile } from '../../../src/cloud/profile';
import {
  emptyForm,
  formFromProfile,
  profileFromForm,
} from '../../../src/panels/profiles/profile-form-state';

test('a new Eucalyptus profile defaults to HTTPS', () => {
  const form = { ...emptyForm('eucalyptus'), name: 'lab', host: 'cloud.lan' };
  expect(form.https).toBe(true);
  const profile = profileFromForm(form);
  expect(profile).toMatchObject({ kind: 'eucalyptus', https: true, port: 8773 });
  expect(usesPlainHttp(profile)).toBe(false);
  expect(usesPlainHttp(profileFromForm({ ...form, https: false }))).toBe(true);
});

test('an S3-compatible endpoint typed without a scheme gets https://; http:// stays as typed', () => {
  const form = emptyForm('s3');
  const typed = (endpoint: string) => profileFromForm({ ...form, endpoint });
  expect(typed('minio.lan:9000')).toMatchObject({ endpoint: 'https://minio.lan:9000' });
  expect(typed(' https://minio.lan:9000 ')).toMatchObject({ endpoint: 'https://minio.lan:9000' });
  expect(typed('http://minio.lan:9000')).toMatchObject({ endpoint: 'http://minio.lan:9000' });
  expect(typed('')).toMatchObject({ endpoint: '' });
  expect(usesPlainHttp(typed('minio.lan:9000'))).toBe(false);
  expect(usesPlainHttp(typed('HTTP://minio.lan:9000'))).toBe(true);
});

test('an existing HTTP profile keeps HTTP when edited; AWS is never plain HTTP', () => {
  const stored: Profile = {
    id: 'p',
    kind: 'eucalyptus',
    name: 'old',
    accessKeyId: 'AKID',
    host: '10.0.0.5',
    port: 8773,
    https: false,
    ec2Path: '/services/Eucalyptus',
    s3Path: '/services/Walrus',
    s3Host: '',
    region: 'eucalyptus',
    signatureVersion: 2,
    apiVersion: '2013-02-01',
  };
  expect(profileFromForm(formFromProfile(stored))).toEqual(stored);
  expect(
    usesPlainHttp({ id: 'a', kind: 'aws', name: 'a', accessKeyId: 'A', region: 'us-east-1' }),
  ).toBe(false);
});
