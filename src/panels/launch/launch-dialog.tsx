import { useEffect, useMemo, useState } from 'preact/hooks';
import { call } from '../../shared/call';
import { Dialog, DialogActions } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { Checkbox, Field, TextField } from '../components/field';
import { readUserDataFile } from '../components/user-data';
import type { CurrentProfile } from '../current-profile';
import { t } from '../i18n';
import { LaunchDiskFields } from './launch-disk-fields';
import { commandLine, emptyLaunchForm, type LaunchForm } from './launch-form';
import { createLaunchModel } from './launch-model';
import { LaunchNetwork } from './launch-network';
import { problemText } from './launch-problem-text';
import './launch.css';

interface Props {
  current: CurrentProfile;
  imageId?: string;
  /** Prefilled form ("launch more like this"). */
  initial?: LaunchForm;
  onClose: () => void;
  /** After a launch, with the new instance ids. */
  onLaunched?: (instanceIds: string[]) => void;
}

export function LaunchDialog({ current, imageId, initial, onClose, onLaunched }: Props) {
  const model = useMemo(
    () => createLaunchModel(current, initial ?? emptyLaunchForm(imageId ?? '')),
    [current, imageId, initial],
  );
  useEffect(() => () => model.dispose(), [model]);
  const [presetName, setPresetName] = useState('');
  // What a preset keeps of the user data depends on the vault: sealed with it, or plain.
  const [vault, setVault] = useState<boolean | null>(null);
  useEffect(() => {
    call('profilesList', {}).then(
      (view) => setVault(view.keychain.hasPassphrase),
      () => setVault(false),
    );
  }, []);
  const form = model.form.value;
  const problems = model.problems.value;
  const choices = model.choices.value;
  const isEucalyptus = current.profile.kind === 'eucalyptus';
  const command = commandLine(form, current.profile);
  const launched = model.launched.value;

  async function launch() {
    const reservation = await model.launch();
    if (reservation) onLaunched?.(reservation.instances.map((i) => i.instanceId));
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return model.change({ userDataFile: null });
    // Only the size is needed to refuse a file that is too big; nothing is read then.
    model.change({ userDataFile: await readUserDataFile(file) });
  }

  return (
    <Dialog
      title={t('launchTitle')}
      wide
      onClose={onClose}
      error={model.error.value}
      actions={
        launched ? (
          <button type="button" class="primary" onClick={onClose}>
            {t('close')}
          </button>
        ) : (
          <DialogActions
            onCancel={onClose}
            confirm={model.launching.value ? t('launching') : t('launch')}
            disabled={model.launching.value}
            onConfirm={() => void launch()}
          />
        )
      }
    >
      {launched && (
        <p class="notice ok" role="status">
          {t('launchedInstances', launched.instances.map((i) => i.instanceId).join(', '))}
        </p>
      )}
      <div class="form-grid">
        <TextField
          id="launch-image"
          label={t('launchImage')}
          value={form.imageId}
          error={problemText(problems.imageId)}
          onValue={(v) => model.change({ imageId: v })}
        />
        <Field
          id="launch-type"
          label={t('launchInstanceType')}
          hint={choices && !choices.typesFromServer ? t('launchTypesKnown') : undefined}
        >
          <select
            id="launch-type"
            value={form.instanceType}
            onChange={(e) => model.change({ instanceType: e.currentTarget.value })}
          >
            <option value="">{t('serverDefault')}</option>
            {form.instanceType && !choices?.types.some((x) => x.name === form.instanceType) && (
              <option value={form.instanceType}>{form.instanceType}</option>
            )}
            {choices?.types.map((type) => (
              <option key={type.name} value={type.name}>
                {t('launchTypeOption', type.name, type.cpu || '?', type.memoryMiB || '?')}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="launch-min"
          label={t('launchMinCount')}
          value={form.minCount}
          error={problemText(problems.minCount)}
          onValue={(v) => model.change({ minCount: v })}
        />
        <TextField
          id="launch-max"
          label={t('launchMaxCount')}
          value={form.maxCount}
          error={problemText(problems.maxCount)}
          onValue={(v) => model.change({ maxCount: v })}
        />
        <Field id="launch-key" label={t('launchKeyPair')}>
          <select
            id="launch-key"
            value={form.keyName}
            onChange={(e) => model.change({ keyName: e.currentTarget.value })}
          >
            <option value="">{t('launchNoKeyPair')}</option>
            {form.keyName && !choices?.keyNames.includes(form.keyName) && (
              <option value={form.keyName}>{form.keyName}</option>
            )}
            {choices?.keyNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="launch-zone"
          label={t('launchZone')}
          hint={form.subnetId ? t('launchNetZoneFromSubnet') : undefined}
        >
          <select
            id="launch-zone"
            value={form.zone}
            disabled={Boolean(form.subnetId)}
            onChange={(e) => model.change({ zone: e.currentTarget.value })}
          >
            <option value="">{t('launchAnyZone')}</option>
            {form.zone && !choices?.zones.includes(form.zone) && (
              <option value={form.zone}>{form.zone}</option>
            )}
            {choices?.zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="launch-kernel"
          label={t('colKernel')}
          value={form.kernelId}
          onValue={(v) => model.change({ kernelId: v })}
        />
        <TextField
          id="launch-ramdisk"
          label={t('colRamdisk')}
          value={form.ramdiskId}
          onValue={(v) => model.change({ ramdiskId: v })}
        />
        <TextField
          id="launch-name"
          label={t('launchNameTag')}
          value={form.name}
          onValue={(v) => model.change({ name: v })}
        />
      </div>
      <LaunchNetwork model={model} error={problemText(problems.subnetId)} />
      <fieldset>
        <legend>
          {form.vpcId ? t('launchNetGroupsOfVpc', form.vpcId) : t('launchSecurityGroups')}
        </legend>
        {form.vpcId ? <VpcGroups model={model} /> : <NamedGroups model={model} />}
      </fieldset>
      <LaunchDiskFields model={model} />
      <Field
        id="launch-user-data"
        label={t('launchUserData')}
        error={problemText(problems.userData)}
        hint={t('launchUserDataHint')}
      >
        <textarea
          id="launch-user-data"
          rows={4}
          value={form.userData}
          disabled={form.userDataFile !== null}
          onInput={(e) => model.change({ userData: e.currentTarget.value })}
        />
      </Field>
      <Field id="launch-user-data-file" label={t('launchUserDataFile')}>
        <input
          id="launch-user-data-file"
          type="file"
          onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
        />
      </Field>
      <Field
        id="launch-tags"
        label={t('launchTags')}
        error={problemText(problems.tags)}
        hint={t('launchTagsHint')}
      >
        <textarea
          id="launch-tags"
          rows={2}
          value={form.tags}
          onInput={(e) => model.change({ tags: e.currentTarget.value })}
        />
      </Field>
      {isEucalyptus && !form.vpcId && (
        <Checkbox
          id="launch-private"
          label={t('launchPrivateAddressing')}
          checked={form.privateAddressing}
          onChecked={(on) => model.change({ privateAddressing: on })}
        />
      )}
      <Checkbox
        id="launch-monitoring"
        label={t('cwLaunchMonitoring')}
        checked={form.monitoring}
        onChecked={(on) => model.change({ monitoring: on })}
      />
      <Field id="launch-command" label={t('launchCommandLine')}>
        <textarea id="launch-command" class="mono" rows={3} readOnly value={command} />
      </Field>
      <div class="toolbar">
        <button type="button" onClick={() => void navigator.clipboard.writeText(command)}>
          {t('copyCommand')}
        </button>
        <label class="switcher">
          <span>{t('presetName')}</span>
          <input
            type="text"
            value={presetName}
            onInput={(e) => setPresetName(e.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          disabled={!presetName.trim()}
          onClick={() => void model.savePreset(presetName)}
        >
          {t('savePreset')}
        </button>
        {model.presetSaved.value && (
          <span role="status">{t('presetSaved', model.presetSaved.value)}</span>
        )}
      </div>
      {vault !== null && (
        <p class="muted preset-kept">{t(vault ? 'presetUserDataSealed' : 'presetUserDataPlain')}</p>
      )}
      {model.choicesError.value && <ErrorMessage error={model.choicesError.value} />}
    </Dialog>
  );
}

type ModelProps = { model: ReturnType<typeof createLaunchModel> };

/** Groups by name: Eucalyptus, EC2-Classic and the default VPC (SecurityGroup.N). */
function NamedGroups({ model }: ModelProps) {
  const form = model.form.value;
  const names = [...new Set(model.groupsFor('').map((g) => g.groupName))];
  const choices = model.choices.value;
  return (
    <>
      {choices && names.length === 0 && <p class="muted">{t('launchNoGroups')}</p>}
      <div class="column-chooser">
        {[...new Set([...names, ...form.securityGroups])].map((name) => (
          <Checkbox
            key={name}
            id={`launch-group-${name}`}
            label={name}
            checked={form.securityGroups.includes(name)}
            onChecked={(on) =>
              model.change({
                securityGroups: on
                  ? [...form.securityGroups, name]
                  : form.securityGroups.filter((g) => g !== name),
              })
            }
          />
        ))}
      </div>
    </>
  );
}

/** Groups of the chosen VPC, by id (SecurityGroupId.N, or on the network interface). */
function VpcGroups({ model }: ModelProps) {
  const form = model.form.value;
  const groups = model.groupsFor(form.vpcId);
  const known = new Set(groups.map((g) => g.groupId));
  const others = form.securityGroupIds.filter((id) => !known.has(id));
  return (
    <>
      {model.choices.value && groups.length === 0 && <p class="muted">{t('launchNoGroups')}</p>}
      <div class="column-chooser">
        {[...groups, ...others.map((groupId) => ({ groupId, groupName: groupId }))].map((g) => (
          <Checkbox
            key={g.groupId}
            id={`launch-group-id-${g.groupId}`}
            label={t('launchNetGroupOption', g.groupName, g.groupId)}
            checked={form.securityGroupIds.includes(g.groupId)}
            onChecked={(on) =>
              model.change({
                securityGroupIds: on
                  ? [...form.securityGroupIds, g.groupId]
                  : form.securityGroupIds.filter((id) => id !== g.groupId),
              })
            }
          />
        ))}
      </div>
    </>
  );
}
