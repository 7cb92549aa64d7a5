import { useEffect, useMemo } from 'preact/hooks';
import type { Instance, InstanceAttributeName } from '../../cloud/ec2';
import { Dialog, DialogActions } from '../components/dialog';
import { Checkbox, Field } from '../components/field';
import { readUserDataFile, USER_DATA_LIMIT, viewUserData } from '../components/user-data';
import type { CurrentProfile } from '../current-profile';
import { t } from '../i18n';
import { ATTRIBUTE_LABELS, readingProblem, shutdownText } from './instance-attribute-rows';
import { blockedReason } from './instance-settings';
import { createInstanceSettingsModel } from './instance-settings-model';
import type { InstancesModel } from './instances-model';
import { protectedLabel } from './termination-protection';
import { BinaryUserData } from './user-data-summary';

/** What EC2 takes for InstanceInitiatedShutdownBehavior. */
const SHUTDOWN_BEHAVIOURS: readonly string[] = ['stop', 'terminate'];

interface Props {
  model: InstancesModel;
  current: CurrentProfile;
  /** The instance as the list has it now: its state decides what may change. */
  instance: Instance;
}

/** Type, termination protection, shutdown behaviour, source/dest check and user data of one instance. */
export function InstanceSettingsDialog({ model, current, instance }: Props) {
  const settings = useMemo(
    () =>
      createInstanceSettingsModel(current, instance, {
        unsupported: model.unsupported,
        onSaved: (notice) => model.settingsSaved(notice),
      }),
    // One dialog per instance and profile; the row itself changes with every poll.
    [current, instance.instanceId],
  );
  const stopped = instance.state.name === 'stopped';
  useEffect(() => {
    if (stopped) settings.ensureTypes();
  }, [settings, stopped]);
  const readings = settings.readings.value;
  const form = settings.form.value;
  const refused = settings.refused.value;
  const ctx = readings
    ? { instance, readings, unsupported: model.unsupported.of(current.profile.id) }
    : null;
  const blocked = (name: InstanceAttributeName) => (ctx ? blockedReason(name, ctx) : 'unknown');
  /** The line under a control: why it cannot be used, or that the cloud refused it. */
  const note = (name: InstanceAttributeName): string | undefined => {
    const label = t(ATTRIBUTE_LABELS[name]);
    if (refused.has(name)) return t('attrUnsupported', label);
    switch (blocked(name)) {
      case 'unsupported':
        return t('attrUnsupported', label);
      case 'unknown':
        return readings ? (readingProblem(name, readings[name]) ?? undefined) : undefined;
      case 'needs-stop':
        return t('attrNeedsStop');
      default:
        return undefined;
    }
  };
  const close = () => model.open(null);
  const title = t('attrSettingsOf', protectedLabel(instance.instanceId, model.nameOf(instance)));
  const currentUserData =
    readings?.userData?.state === 'ok' ? viewUserData(readings.userData.value) : null;
  const types = settings.types.value;
  const saved = settings.saved.value;
  const tooLarge = settings.problems.value.userData;

  return (
    <Dialog
      title={title}
      wide
      onClose={close}
      error={settings.error.value}
      actions={
        <DialogActions
          onCancel={close}
          confirm={t('save')}
          disabled={!form || settings.saving.value}
          onConfirm={() => void settings.save(instance)}
        />
      }
    >
      {!form && <p class="muted">{t('loading')}</p>}
      {form && (
        <>
          {saved.length > 0 && (
            <p class="notice ok" role="status">
              {t('attrSavedSome', saved.map((name) => t(ATTRIBUTE_LABELS[name])).join(', '))}
            </p>
          )}
          <div class="form-grid">
            <Field
              id="settings-type"
              label={t('attrInstanceType')}
              hint={
                note('instanceType') ??
                (types && !settings.typesFromServer.value ? t('launchTypesKnown') : undefined)
              }
            >
              <select
                id="settings-type"
                value={form.instanceType}
                disabled={blocked('instanceType') !== null}
                onChange={(e) => settings.change({ instanceType: e.currentTarget.value })}
              >
                {form.instanceType && !types?.some((x) => x.name === form.instanceType) && (
                  <option value={form.instanceType}>{form.instanceType}</option>
                )}
                {types?.map((type) => (
                  <option key={type.name} value={type.name}>
                    {t('launchTypeOption', type.name, type.cpu || '?', type.memoryMiB || '?')}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id="settings-shutdown"
              label={t('attrShutdown')}
              hint={note('instanceInitiatedShutdownBehavior')}
            >
              <select
                id="settings-shutdown"
                value={form.instanceInitiatedShutdownBehavior}
                disabled={blocked('instanceInitiatedShutdownBehavior') !== null}
                onChange={(e) =>
                  settings.change({ instanceInitiatedShutdownBehavior: e.currentTarget.value })
                }
              >
                {!SHUTDOWN_BEHAVIOURS.includes(form.instanceInitiatedShutdownBehavior) && (
                  <option value={form.instanceInitiatedShutdownBehavior}>
                    {form.instanceInitiatedShutdownBehavior}
                  </option>
                )}
                {SHUTDOWN_BEHAVIOURS.map((behaviour) => (
                  <option key={behaviour} value={behaviour}>
                    {shutdownText(behaviour)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Checkbox
            id="settings-termination"
            label={t('attrTerminationOn')}
            checked={form.disableApiTermination}
            disabled={blocked('disableApiTermination') !== null}
            onChecked={(on) => settings.change({ disableApiTermination: on })}
          />
          {note('disableApiTermination') && (
            <small class="field-hint">{note('disableApiTermination')}</small>
          )}
          {instance.vpcId && (
            <>
              <Checkbox
                id="settings-source-dest"
                label={t('attrSourceDestOn')}
                checked={form.sourceDestCheck}
                disabled={blocked('sourceDestCheck') !== null}
                onChecked={(on) => settings.change({ sourceDestCheck: on })}
              />
              {note('sourceDestCheck') && (
                <small class="field-hint">{note('sourceDestCheck')}</small>
              )}
            </>
          )}
          {currentUserData?.kind === 'binary' && !form.userDataEdited && (
            <p>
              <BinaryUserData bytes={currentUserData.bytes} instanceId={instance.instanceId} />{' '}
              <span class="muted">{t('attrUserDataReplaceBinary')}</span>
            </p>
          )}
          <Field
            id="settings-user-data"
            label={t('attrUserData')}
            hint={note('userData') ?? t('launchUserDataHint')}
            error={
              tooLarge
                ? t('launchUserDataTooLarge', String(tooLarge.bytes), String(USER_DATA_LIMIT))
                : undefined
            }
          >
            <textarea
              id="settings-user-data"
              rows={6}
              value={form.userData}
              readOnly={blocked('userData') !== null}
              disabled={form.userDataFile !== null}
              onInput={(e) => settings.change({ userData: e.currentTarget.value })}
            />
          </Field>
          <Field id="settings-user-data-file" label={t('attrUserDataFile')}>
            <input
              id="settings-user-data-file"
              type="file"
              disabled={blocked('userData') !== null}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return settings.change({ userDataFile: null });
                void readUserDataFile(file).then((chosen) =>
                  settings.change({ userDataFile: chosen }),
                );
              }}
            />
          </Field>
        </>
      )}
    </Dialog>
  );
}
