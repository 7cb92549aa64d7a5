import { Checkbox, Field, TextField } from '../components/field';
import { t } from '../i18n';
import { EXTRA_DEVICES, type ExtraVolume, ROOT_UNFIT_TYPES, takesIops } from './launch-disks';
import type { LaunchModel } from './launch-model';
import { problemText } from './launch-problem-text';

function TypeSelect(props: {
  id: string;
  value: string;
  types: string[];
  empty: string;
  onValue: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <Field id={props.id} label={t('launchDiskType')} error={props.error}>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value)}
      >
        <option value="">{props.empty}</option>
        {props.value && !props.types.includes(props.value) && (
          <option value={props.value}>{props.value}</option>
        )}
        {props.types.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The root volume (size, type, IOPS, delete on termination) and extra EBS volumes. */
export function LaunchDiskFields({ model }: { model: LaunchModel }) {
  const form = model.form.value;
  const problems = model.problems.value;
  const image = model.imageRoot.value;
  const types = model.choices.value?.volumeTypes ?? ['standard'];
  const instanceStore = image?.rootDeviceType === 'instance-store';
  return (
    <fieldset id="launch-disks">
      <legend>{t('launchDiskTitle')}</legend>
      <datalist id="launch-devices">
        {EXTRA_DEVICES.map((device) => (
          <option key={device} value={device} />
        ))}
      </datalist>
      <h4>
        {form.rootDevice ? t('launchDiskRoot', form.rootDevice) : t('launchDiskRootUnknownDevice')}
      </h4>
      {instanceStore ? (
        <p class="muted">{t('launchDiskInstanceStore')}</p>
      ) : (
        <div class="form-grid">
          <TextField
            id="launch-root-size"
            label={t('launchDiskSize')}
            value={form.rootSize}
            placeholder={image?.sizeGiB ? String(image.sizeGiB) : undefined}
            hint={image?.sizeGiB ? t('launchDiskImageSize', String(image.sizeGiB)) : undefined}
            error={problemText(problems['root.size'])}
            onValue={(v) => model.change({ rootSize: v })}
          />
          <TypeSelect
            id="launch-root-type"
            value={form.rootType}
            types={types.filter((type) => !ROOT_UNFIT_TYPES.includes(type))}
            empty={
              image?.volumeType
                ? t('launchDiskImageType', image.volumeType)
                : t('launchDiskCloudType')
            }
            error={problemText(problems['root.type'])}
            onValue={(v) =>
              model.change({ rootType: v, rootIops: takesIops(v) ? form.rootIops : '' })
            }
          />
          {takesIops(form.rootType) && (
            <TextField
              id="launch-root-iops"
              label={t('launchDiskIops')}
              value={form.rootIops}
              error={problemText(problems['root.iops'])}
              onValue={(v) => model.change({ rootIops: v })}
            />
          )}
          <Checkbox
            id="launch-root-delete"
            label={t('launchDiskDelete')}
            checked={form.rootDeleteOnTermination ?? image?.deleteOnTermination ?? true}
            onChecked={(on) => model.change({ rootDeleteOnTermination: on })}
          />
        </div>
      )}
      {form.volumes.map((volume, i) => (
        <VolumeRow key={i} model={model} volume={volume} index={i} types={types} />
      ))}
      <div class="toolbar">
        <button type="button" id="launch-add-volume" onClick={() => model.addVolume()}>
          {t('launchDiskAdd')}
        </button>
      </div>
    </fieldset>
  );
}

function VolumeRow(props: {
  model: LaunchModel;
  volume: ExtraVolume;
  index: number;
  types: string[];
}) {
  const { model, volume, index: i, types } = props;
  const problems = model.problems.value;
  const id = `launch-volume-${i}`;
  const set = (patch: Partial<ExtraVolume>) => model.changeVolume(i, patch);
  return (
    <div class="form-grid launch-volume" id={id}>
      <Field
        id={`${id}-device`}
        label={t('launchDiskDevice')}
        error={problemText(problems[`volumes.${i}.device`])}
      >
        <input
          id={`${id}-device`}
          type="text"
          list="launch-devices"
          spellcheck={false}
          value={volume.device}
          onInput={(e) => set({ device: e.currentTarget.value })}
        />
      </Field>
      <TextField
        id={`${id}-size`}
        label={t('launchDiskSize')}
        value={volume.size}
        error={problemText(problems[`volumes.${i}.size`])}
        onValue={(v) => set({ size: v })}
      />
      <TypeSelect
        id={`${id}-type`}
        value={volume.type}
        types={types}
        empty={t('launchDiskCloudType')}
        onValue={(v) => set({ type: v, iops: takesIops(v) ? volume.iops : '' })}
      />
      {takesIops(volume.type) && (
        <TextField
          id={`${id}-iops`}
          label={t('launchDiskIops')}
          value={volume.iops}
          error={problemText(problems[`volumes.${i}.iops`])}
          onValue={(v) => set({ iops: v })}
        />
      )}
      <TextField
        id={`${id}-snapshot`}
        label={t('launchDiskSnapshot')}
        value={volume.snapshotId}
        onValue={(v) => set({ snapshotId: v })}
      />
      <Checkbox
        id={`${id}-delete`}
        label={t('launchDiskDelete')}
        checked={volume.deleteOnTermination}
        onChecked={(on) => set({ deleteOnTermination: on })}
      />
      <button type="button" id={`${id}-remove`} onClick={() => model.removeVolume(i)}>
        {t('launchDiskRemove', volume.device || String(i + 1))}
      </button>
    </div>
  );
}
