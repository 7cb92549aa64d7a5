// GetPasswordData against moto, straight and through the Eucalyptus-shaped front door (SigV2 and
// SigV4), and the instances model's password dialog state against a front door that answers as a
// real Windows instance would (or as a cloud without the action).
//
// moto answers 128 random letters for an instance of a Windows image and an empty element for any
// other: never a real ciphertext, so decrypting moto's answer is always "wrong key".

import '../../support/fake-browser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  decryptWindowsPassword,
  ec2Call,
  getPasswordData,
  passwordReady,
  runInstances,
} from '../../../src/cloud/ec2';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import { createInstancesModel } from '../../../src/panels/instances/instances-model';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { testDeps } from '../../support/model-deps';
import { windowsPasswordAnswer, windowsPasswordFixture } from '../../support/windows-password';
import { frontDoorPerFile, frontDoorProfile } from '../front-door-env';
import { connect, creds } from './support';

const WINDOWS_IMAGE = 'ami-12c6146b';
const LINUX_IMAGE = 'ami-760aaa0f';

const env = frontDoorPerFile([creds]);
const motoPort = () => Number(new URL(env.moto.url).port);

async function launch(imageId: string): Promise<string> {
  const c = connect(motoPort());
  const { instances } = await ec2Call(runInstances, c.profile, c.signer, { imageId });
  return instances[0]?.instanceId ?? '';
}

test('moto: random letters for a Windows instance, nothing for Linux, NotFound for no instance', async () => {
  const c = connect(motoPort());
  const windows = await launch(WINDOWS_IMAGE);
  const linux = await launch(LINUX_IMAGE);

  const w = await ec2Call(getPasswordData, c.profile, c.signer, { instanceId: windows });
  expect(w.instanceId).toBe(windows);
  expect(Number.isNaN(Date.parse(w.timestamp))).toBe(false);
  expect(w.passwordData).toMatch(/^[A-Za-z0-9]{128}$/);
  expect(passwordReady(w)).toBe(true);
  expect(
    decryptWindowsPassword(w.passwordData, windowsPasswordFixture('key-2048.pkcs1.pem')),
  ).toEqual({ ok: false, reason: 'wrong-key' });

  const l = await ec2Call(getPasswordData, c.profile, c.signer, { instanceId: linux });
  expect(l).toMatchObject({ instanceId: linux, passwordData: '' });
  expect(passwordReady(l)).toBe(false);

  await expect(
    ec2Call(getPasswordData, c.profile, c.signer, { instanceId: 'i-00000000000000000' }),
  ).rejects.toMatchObject({ code: 'InvalidInstanceID.NotFound' });
});

describe.each([2, 4] as const)('through the front door, SigV%i', (signatureVersion) => {
  test('the front door forwards GetPasswordData and moto answers as above', async () => {
    const profile = frontDoorProfile(env.door, creds.accessKeyId, { signatureVersion });
    const signer = createLocalSigner(profile, creds);
    const windows = await launch(WINDOWS_IMAGE);
    const linux = await launch(LINUX_IMAGE);
    const w = await ec2Call(getPasswordData, profile, signer, { instanceId: windows });
    expect(w.passwordData).toMatch(/^[A-Za-z0-9]{128}$/);
    const l = await ec2Call(getPasswordData, profile, signer, { instanceId: linux });
    expect(l.passwordData).toBe('');
    expect(env.door.requests.map((r) => [r.action, r.sigVersion, r.ok])).toEqual([
      ['GetPasswordData', signatureVersion, true],
      ['GetPasswordData', signatureVersion, true],
    ]);
  });
});

describe('the instances model', () => {
  let door: FrontDoor;
  const played = windowsPasswordAnswer('key-2048.pkcs8.pem', 'S3cret&<b>パス</b>');
  beforeAll(async () => {
    door = await startFrontDoor({
      motoUrl: env.moto.url,
      credentials: [creds],
      ec2Answer: played.answer,
    });
  });
  afterAll(async () => {
    await door?.stop();
  });

  function openModel() {
    const t = testDeps();
    const model = createInstancesModel(t.deps, { pollMs: 600_000 });
    const profile = frontDoorProfile(door, creds.accessKeyId);
    t.switchTo({ profile, signer: createLocalSigner(profile, creds) });
    return { model, profileId: profile.id };
  }
  const dataOf = (model: ReturnType<typeof openModel>['model']) => {
    const open = model.dialog.value;
    return open?.kind === 'password' ? open.data : undefined;
  };

  test('not ready, then ready: the data lands in the open dialog and decrypts with its key', async () => {
    const id = await launch(WINDOWS_IMAGE);
    const { model } = openModel();
    try {
      played.state.mode = 'not-ready';
      await model.showPassword(id);
      expect(dataOf(model)).toMatchObject({ instanceId: id, passwordData: '' });
      expect(model.dialogError.value).toBeNull();

      played.state.mode = 'ready';
      await model.showPassword(id);
      const data = dataOf(model);
      expect(data && passwordReady(data)).toBe(true);
      expect(
        decryptWindowsPassword(
          data?.passwordData ?? '',
          windowsPasswordFixture('key-2048.pkcs1.pem'),
        ),
      ).toEqual({ ok: true, password: 'S3cret&<b>パス</b>' });
      expect(
        decryptWindowsPassword(data?.passwordData ?? '', windowsPasswordFixture('wrong-2048.pem')),
      ).toEqual({ ok: false, reason: 'wrong-key' });
      // Closed before the answer came: nothing reopens.
      const pending = model.showPassword(id);
      model.open(null);
      await pending;
      expect(model.dialog.value).toBeNull();
    } finally {
      model.dispose();
    }
  });

  test('a cloud without GetPasswordData: the error stays in the dialog and the profile is marked', async () => {
    const id = await launch(WINDOWS_IMAGE);
    const { model, profileId } = openModel();
    try {
      played.state.mode = 'unsupported';
      await model.showPassword(id);
      expect(model.dialog.value?.kind).toBe('password');
      expect(model.dialogError.value?.code).toBe('InvalidAction');
      expect(model.passwordUnsupportedOn.value).toBe(profileId);
    } finally {
      played.state.mode = 'ready';
      model.dispose();
    }
  });
});
