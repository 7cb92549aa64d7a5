// The instance settings and Terminate around termination protection, as the panel's models do
// them: against moto, and through the Eucalyptus-shaped front door that refuses sourceDestCheck,
// ignores a shutdown behaviour and refuses an instance type it lacks.

import '../../support/fake-browser';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import {
  decodeBase64Utf8,
  describeInstanceAttribute,
  describeInstances,
  ec2Call,
  encodeBase64Utf8,
  modifyInstanceAttribute,
  runInstances,
  stopInstances,
} from '../../../src/cloud/ec2';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { Notice } from '../../../src/panels/components/resource-panel';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import { createInstanceSettingsModel } from '../../../src/panels/instances/instance-settings-model';
import { createInstancesModel } from '../../../src/panels/instances/instances-model';
import { createUnsupportedAttributes } from '../../../src/panels/instances/unsupported-attributes';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { testDeps } from '../../support/model-deps';
import { motoAttributesAsAws } from '../../support/moto-attributes';
import { connect, creds } from '../ec2/support';
import { frontDoorProfile } from '../front-door-env';
import { loadedList, motoPerFile } from './support';

const MOTO_IMAGE = 'ami-12c6146b';
const MISSING_TYPE = 'm9.huge';

const env = motoPerFile();
let door: FrontDoor;
beforeAll(async () => {
  door = await startFrontDoor({
    motoUrl: env.moto.url,
    credentials: [creds],
    ec2Forward: motoAttributesAsAws,
    ec2Answer: (action, params) => {
      if (action !== 'ModifyInstanceAttribute') return undefined;
      const value = (name: string) => params.find(([key]) => key === name)?.[1];
      const error = (code: string, message: string) => ({
        status: 400,
        body: `<?xml version="1.0"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>b1b2c3d4-0000-4000-8000-000000000001</RequestID></Response>`,
      });
      // Eucalyptus 3: no sourceDestCheck in its ModifyInstanceAttribute binding.
      if (value('SourceDestCheck.Value') !== undefined)
        return error(
          'InvalidParameterValue',
          `Failed to bind the following fields:\nSourceDestCheck.Value = ${value('SourceDestCheck.Value')}\n`,
        );
      // Eucalyptus 4: a shutdown behaviour is answered true and not applied.
      if (value('InstanceInitiatedShutdownBehavior.Value') !== undefined)
        return {
          status: 200,
          body: '<ModifyInstanceAttributeResponse><return>true</return></ModifyInstanceAttributeResponse>',
        };
      if (value('InstanceType.Value') === MISSING_TYPE)
        return error(
          'InvalidInstanceAttributeValue',
          `The instanceType '${MISSING_TYPE}' is invalid.`,
        );
      return undefined;
    },
  });
});
afterAll(async () => {
  await door?.stop();
});
beforeEach(async () => {
  await env.moto.reset();
  door.requests.length = 0;
});

function onDoor(): CurrentProfile {
  const profile = frontDoorProfile(door, creds.accessKeyId);
  return { profile, signer: createLocalSigner(profile, creds) };
}

async function launch(current: CurrentProfile, userData?: string) {
  const { instances } = await ec2Call(runInstances, current.profile, current.signer, {
    imageId: MOTO_IMAGE,
    instanceType: 't2.micro',
    ...(userData ? { userData: encodeBase64Utf8(userData) } : {}),
  });
  const instance = instances[0];
  if (!instance) throw new Error('no instance');
  return instance;
}

async function stopped(current: CurrentProfile, userData?: string) {
  const instance = await launch(current, userData);
  await ec2Call(stopInstances, current.profile, current.signer, {
    instanceIds: [instance.instanceId],
  });
  const [now] = await ec2Call(describeInstances, current.profile, current.signer, {
    instanceIds: [instance.instanceId],
  });
  if (!now) throw new Error('gone');
  return now;
}

async function attribute(
  current: CurrentProfile,
  instanceId: string,
  name:
    | 'userData'
    | 'instanceType'
    | 'disableApiTermination'
    | 'sourceDestCheck'
    | 'instanceInitiatedShutdownBehavior',
) {
  const answer = await ec2Call(describeInstanceAttribute, current.profile, current.signer, {
    instanceId,
    attribute: name,
  });
  return answer.attributes[name];
}

function openSettings(current: CurrentProfile, instance: { instanceId: string; vpcId: string }) {
  const unsupported = createUnsupportedAttributes();
  const saved: Notice[] = [];
  const settings = createInstanceSettingsModel(current, instance, {
    unsupported,
    onSaved: (notice) => saved.push(notice),
    readBackMs: [0, 20],
  });
  return { settings, unsupported, saved };
}

async function loaded(settings: ReturnType<typeof openSettings>['settings']) {
  await expect.poll(() => settings.form.value !== null, { timeout: 20_000 }).toBe(true);
}

const modifies = () => door.requests.filter((r) => r.action === 'ModifyInstanceAttribute');

test('a refused sourceDestCheck: the rest saved, the dialog open with the input, the control disabled', async () => {
  const current = onDoor();
  const instance = await stopped(current);
  const { settings, unsupported, saved } = openSettings(current, instance);
  await loaded(settings);
  // The type list is asked for a stopped instance only (the dialog does it when it sees one).
  expect(settings.types.value).toBeNull();
  settings.ensureTypes();
  await expect
    .poll(() => settings.types.value?.length ?? 0, { timeout: 30_000 })
    .toBeGreaterThan(0);
  settings.change({
    instanceType: 't3.small',
    disableApiTermination: true,
    sourceDestCheck: false,
  });
  await settings.save(instance);

  expect(saved).toEqual([]);
  expect(settings.error.value).toBeNull();
  expect([...settings.refused.value]).toEqual(['sourceDestCheck']);
  expect(settings.saved.value).toEqual(['instanceType', 'disableApiTermination']);
  expect(settings.form.value?.sourceDestCheck).toBe(false);
  expect([...unsupported.of(current.profile.id)]).toEqual(['sourceDestCheck']);
  expect(await attribute(current, instance.instanceId, 'instanceType')).toBe('t3.small');
  expect(await attribute(current, instance.instanceId, 'disableApiTermination')).toBe(true);
  expect(modifies()).toHaveLength(3);

  // Save again: what was saved and what is not supported are not sent again.
  await settings.save(instance);
  expect(modifies()).toHaveLength(3);
  expect(saved).toEqual([{ key: 'attrNothingChanged', args: [instance.instanceId] }]);
  // Another profile keeps its own list.
  expect(unsupported.of('other').size).toBe(0);
});

test('a shutdown behaviour answered true but not applied counts as not supported', async () => {
  const current = onDoor();
  const instance = await launch(current);
  const { settings, unsupported, saved } = openSettings(current, instance);
  await loaded(settings);
  settings.change({ instanceInitiatedShutdownBehavior: 'terminate' });
  await settings.save(instance);
  expect(saved).toEqual([]);
  expect([...settings.refused.value]).toEqual(['instanceInitiatedShutdownBehavior']);
  expect(unsupported.of(current.profile.id).has('instanceInitiatedShutdownBehavior')).toBe(true);
  expect(settings.form.value?.instanceInitiatedShutdownBehavior).toBe('terminate');
});

test('a refused value is shown in the dialog; the input stays and nothing is marked unsupported', async () => {
  const current = onDoor();
  const instance = await stopped(current);
  const { settings, unsupported, saved } = openSettings(current, instance);
  await loaded(settings);
  settings.change({ instanceType: MISSING_TYPE });
  await settings.save(instance);
  expect(saved).toEqual([]);
  expect(settings.error.value).toMatchObject({ code: 'InvalidInstanceAttributeValue' });
  expect(settings.form.value?.instanceType).toBe(MISSING_TYPE);
  expect(unsupported.of(current.profile.id).size).toBe(0);
});

test('user data of a stopped instance: shown, edited, saved and read back; too big is refused first', async () => {
  const current = onDoor();
  const instance = await stopped(current, '#!/bin/sh\necho old\n');
  const { settings, saved } = openSettings(current, instance);
  await loaded(settings);
  expect(settings.form.value?.userData).toBe('#!/bin/sh\necho old\n');

  settings.change({ userData: 'x'.repeat(16 * 1024 + 1) });
  await settings.save(instance);
  expect(settings.problems.value.userData).toEqual({ kind: 'user-data-too-large', bytes: 16385 });
  expect(modifies()).toHaveLength(0);

  settings.change({ userData: '#cloud-config\nhostname: 新しい\n' });
  await settings.save(instance);
  expect(saved).toEqual([{ key: 'attrNoticeSaved', args: [instance.instanceId] }]);
  expect(modifies()).toHaveLength(1);
  const stored = await attribute(current, instance.instanceId, 'userData');
  expect(decodeBase64Utf8(String(stored))).toBe('#cloud-config\nhostname: 新しい\n');
});

function openInstances() {
  const t = testDeps();
  const model = createInstancesModel(t.deps, { pollMs: 600_000 });
  env.dispose(() => model.dispose());
  const current = connect(env.port);
  t.switchTo(current);
  return { model, current };
}

async function protect(current: CurrentProfile, instanceId: string) {
  await ec2Call(modifyInstanceAttribute, current.profile, current.signer, {
    instanceId,
    change: { attribute: 'disableApiTermination', value: true },
  });
}

async function stateOf(current: CurrentProfile, instanceId: string) {
  const [found] = await ec2Call(describeInstances, current.profile, current.signer, {
    instanceIds: [instanceId],
  });
  return found?.state.name;
}

test('the details pane reads the selected instance’s settings', async () => {
  const { model, current } = openInstances();
  const instance = await launch(current, 'echo hi');
  await model.list.load();
  await loadedList(model.list);
  model.list.selected.value = new Set([instance.instanceId]);
  await expect.poll(() => model.details.value?.instanceId).toBe(instance.instanceId);
  expect(model.details.value?.readings).toEqual({
    instanceType: { state: 'ok', value: 't2.micro' },
    disableApiTermination: { state: 'ok', value: false },
    instanceInitiatedShutdownBehavior: { state: 'ok', value: 'stop' },
    sourceDestCheck: { state: 'ok', value: true },
    userData: { state: 'ok', value: encodeBase64Utf8('echo hi') },
  });
  model.list.selected.value = new Set();
  expect(model.details.value).toBeNull();
});

test('Terminate names the protected instance and terminates the other', async () => {
  const { model, current } = openInstances();
  const kept = await launch(current);
  const gone = await launch(current);
  await protect(current, kept.instanceId);
  await model.list.load();
  const ids = [kept.instanceId, gone.instanceId];
  await model.askTerminate(ids);
  expect(model.dialog.value).toEqual({ kind: 'terminate', ids, protectedIds: [kept.instanceId] });

  expect(await model.terminate([gone.instanceId], [kept.instanceId])).toBe(true);
  expect(model.notice.value).toEqual({
    key: 'attrNoticeTerminatingExcept',
    args: [gone.instanceId, kept.instanceId],
  });
  expect(model.dialog.value).toBeNull();
  expect(await stateOf(current, kept.instanceId)).toBe('running');
  expect(await stateOf(current, gone.instanceId)).toMatch(/shutting-down|terminated/);
});

test('a protection the check did not see: OperationNotPermitted is read and the rest go', async () => {
  const { model, current } = openInstances();
  const kept = await launch(current);
  const gone = await launch(current);
  await model.list.load();
  const ids = [kept.instanceId, gone.instanceId];
  await model.askTerminate(ids);
  // Turned on after the dialog looked.
  await protect(current, kept.instanceId);
  expect(await model.terminate(ids)).toBe(true);
  expect(model.notice.value?.key).toBe('attrNoticeTerminatingExcept');
  expect(await stateOf(current, kept.instanceId)).toBe('running');
  expect(await stateOf(current, gone.instanceId)).toMatch(/shutting-down|terminated/);
});

test('every selected instance protected: nothing goes, the dialog stays and says which', async () => {
  const { model, current } = openInstances();
  const kept = await launch(current);
  await model.list.load();
  await model.askTerminate([kept.instanceId]);
  // Checked as off (turned on just after), so the user could confirm.
  await protect(current, kept.instanceId);
  await model.terminate([kept.instanceId]);
  expect(model.dialog.value).toEqual({
    kind: 'terminate',
    ids: [kept.instanceId],
    protectedIds: [kept.instanceId],
  });
  expect(model.notice.value).toEqual({ key: 'attrNothingTerminated', args: [kept.instanceId] });
  expect(await stateOf(current, kept.instanceId)).toBe('running');
});

test('Force stop', async () => {
  const { model, current } = openInstances();
  const instance = await launch(current);
  await model.list.load();
  model.open({ kind: 'force-stop', ids: [instance.instanceId] });
  expect(await model.forceStop([instance.instanceId])).toBe(true);
  expect(model.notice.value).toEqual({
    key: 'attrNoticeForceStopping',
    args: [instance.instanceId],
  });
  expect(model.dialog.value).toBeNull();
  expect(await stateOf(current, instance.instanceId)).toMatch(/stopping|stopped/);
});
