import { useEffect, useState } from 'preact/hooks';
import type { Volume } from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { Field, TextField } from '../components/field';
import { InstanceSelect } from '../components/instance-select';
import { asError } from '../errors';
import { type MessageKey, t } from '../i18n';
import {
  deviceProblem,
  iopsNeeded,
  VOLUME_TYPES,
  type VolumeForm,
  type VolumeProblems,
  validateVolume,
} from './volume-form';
import type { VolumesModel } from './volumes-model';

function Actions(props: { onCancel: () => void; onOk: () => void; ok: string; busy: boolean }) {
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
      <button type="button" class="primary" disabled={props.busy} onClick={props.onOk}>
        {props.ok}
      </button>
    </>
  );
}

function useZones(model: VolumesModel, onFirst: (zone: string) => void) {
  const [zones, setZones] = useState<string[] | null>(null);
  const [error, setError] = useState<CloudErrorData | null>(null);
  useEffect(() => {
    let live = true;
    model.zones().then(
      (list) => {
        if (!live) return;
        setZones(list);
        if (list[0]) onFirst(list[0]);
      },
      (e) => live && setError(asError(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { zones, error };
}

export function CreateVolumeDialog(props: {
  model: VolumesModel;
  snapshotId?: string | undefined;
}) {
  const { model } = props;
  const snapshot = props.snapshotId ? model.findSnapshot(props.snapshotId) : undefined;
  const [form, setForm] = useState<VolumeForm>({
    size: snapshot?.volumeSize ?? '',
    zone: '',
    snapshotId: props.snapshotId ?? '',
    volumeType: '',
    iops: '',
    name: '',
  });
  const [problems, setProblems] = useState<VolumeProblems>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<VolumeForm>) => {
    setForm((before) => ({ ...before, ...patch }));
    setProblems((before) => {
      const next = { ...before };
      for (const key of Object.keys(patch)) delete next[key as keyof VolumeForm];
      return next;
    });
  };
  const { zones, error } = useZones(model, (zone) => set({ zone }));
  async function submit() {
    const known = model.findSnapshot(form.snapshotId.trim());
    const found = validateVolume(form, known ? Number(known.volumeSize) : undefined);
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    await model.createVolume(form);
    setBusy(false);
  }
  const message = (key: keyof VolumeForm) => {
    const problem: MessageKey | undefined = problems[key];
    const known = model.findSnapshot(form.snapshotId.trim());
    return problem ? t(problem, known?.volumeSize ?? '') : undefined;
  };
  return (
    <Dialog
      title={t('volumeCreateTitle')}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          onOk={() => void submit()}
          ok={t('create')}
          busy={busy}
        />
      }
    >
      <div class="form-grid">
        <TextField
          id="volume-size"
          label={t('volumeSize')}
          hint={form.snapshotId ? t('volumeSizeSnapshotHint') : t('volumeSizeHint')}
          value={form.size}
          onValue={(size) => set({ size })}
          error={message('size')}
        />
        <Field id="volume-zone" label={t('colZone')} error={message('zone')}>
          {error ? (
            <ErrorMessage error={error} />
          ) : (
            <select
              id="volume-zone"
              value={form.zone}
              disabled={!zones}
              onChange={(e) => set({ zone: e.currentTarget.value })}
            >
              {(zones ?? []).map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id="volume-snapshot"
          label={t('volumeFromSnapshot')}
          value={form.snapshotId}
          onValue={(snapshotId) => set({ snapshotId })}
          error={message('snapshotId')}
        />
        <Field id="volume-type" label={t('colVolumeType')}>
          <select
            id="volume-type"
            value={form.volumeType}
            onChange={(e) => set({ volumeType: e.currentTarget.value })}
          >
            {VOLUME_TYPES.map((type) => (
              <option key={type} value={type}>
                {type || t('serverDefault')}
              </option>
            ))}
          </select>
        </Field>
        {iopsNeeded(form.volumeType) && (
          <TextField
            id="volume-iops"
            label={t('volumeIops')}
            value={form.iops}
            onValue={(iops) => set({ iops })}
            error={message('iops')}
          />
        )}
        <TextField
          id="volume-name"
          label={t('launchNameTag')}
          value={form.name}
          onValue={(name) => set({ name })}
          error={message('name')}
        />
      </div>
    </Dialog>
  );
}

export function AttachDialog({ model, volume }: { model: VolumesModel; volume: Volume }) {
  const [instanceId, setInstanceId] = useState('');
  const [device, setDevice] = useState('/dev/sdf');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    const found = deviceProblem(device);
    setProblem(found);
    if (found) return;
    setBusy(true);
    await model.attach(volume.volumeId, instanceId, device.trim());
    setBusy(false);
  }
  return (
    <Dialog
      title={t('volumeAttachTitle', volume.volumeId)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          onOk={() => void submit()}
          ok={t('volumeAttach')}
          busy={busy || !instanceId}
        />
      }
    >
      <InstanceSelect
        id="volume-instance"
        label={t('instance')}
        load={() => model.instancesFor(volume)}
        value={instanceId}
        onValue={setInstanceId}
        none={t('volumeNoInstances', volume.availabilityZone)}
      />
      <TextField
        id="volume-device"
        label={t('volumeDevice')}
        hint={t('volumeDeviceHint')}
        value={device}
        onValue={(v) => {
          setDevice(v);
          setProblem(null);
        }}
        error={problem ? t(problem) : undefined}
      />
    </Dialog>
  );
}

export function SnapshotDialog({ model, volumeId }: { model: VolumesModel; volumeId: string }) {
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('snapshotCreateTitle', volumeId)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          ok={t('create')}
          busy={busy}
          onOk={() => {
            setBusy(true);
            void model.createSnapshot(volumeId, description).finally(() => setBusy(false));
          }}
        />
      }
    >
      <TextField
        id="snapshot-description"
        label={t('colDescription')}
        value={description}
        onValue={setDescription}
      />
    </Dialog>
  );
}

export function DeleteVolumesDialog({ model, ids }: { model: VolumesModel; ids: string[] }) {
  return (
    <ConfirmListDialog
      title={t('volumeDeleteTitle')}
      confirm={t('volumeDeleteYes', String(ids.length))}
      onConfirm={() => model.deleteVolumes(ids)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      question={t('volumeDeleteConfirm')}
      items={ids}
    />
  );
}

export function DeleteSnapshotsDialog({ model, ids }: { model: VolumesModel; ids: string[] }) {
  return (
    <ConfirmListDialog
      title={t('snapshotDeleteTitle')}
      confirm={t('snapshotDeleteYes', String(ids.length))}
      onConfirm={() => model.deleteSnapshots(ids)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      question={t('snapshotDeleteConfirm')}
      items={ids}
    />
  );
}
