import { useEffect, useState } from 'preact/hooks';
import { bundleTargetProblem, type Instance } from '../../cloud/ec2';
import { validateBucketName } from '../../cloud/s3/bucket-name';
import { Dialog, DialogActions } from '../components/dialog';
import { FeatureError } from '../components/feature-error';
import { Checkbox, TextField } from '../components/field';
import { asError } from '../errors';
import { t } from '../i18n';
import {
  createImageInput,
  hasProblems,
  type ImageDevice,
  type ImageForm,
  type ImageFormProblems,
  imageFormProblems,
} from './image-form';
import type { InstancesModel } from './instances-model';

export function CreateImageDialog({
  model,
  instance,
}: {
  model: InstancesModel;
  instance: Instance;
}) {
  const [form, setForm] = useState<ImageForm>({
    name: '',
    description: '',
    noReboot: false,
    devices: [],
  });
  const [loaded, setLoaded] = useState(false);
  const [problems, setProblems] = useState<ImageFormProblems>({});
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<ReturnType<typeof asError> | null>(null);

  useEffect(() => {
    let live = true;
    model.images.devicesOf(instance).then(
      (devices) => {
        if (!live) return;
        setForm((f) => ({ ...f, devices }));
        setLoaded(true);
      },
      (e: unknown) => live && setLoadError(asError(e)),
    );
    return () => {
      live = false;
    };
  }, [instance.instanceId]);

  const set = (patch: Partial<ImageForm>) => {
    setForm({ ...form, ...patch });
    setProblems({});
  };
  const setDevice = (index: number, patch: Partial<ImageDevice>) =>
    set({ devices: form.devices.map((d, i) => (i === index ? { ...d, ...patch } : d)) });

  async function submit() {
    const found = imageFormProblems(form);
    setProblems(found);
    if (hasProblems(found)) return;
    setBusy(true);
    await model.images.createImage(createImageInput(instance.instanceId, form));
    setBusy(false);
  }
  const name = model.nameOf(instance);
  return (
    <Dialog
      title={t('imgCreateImageOf', name ? `${name} (${instance.instanceId})` : instance.instanceId)}
      wide
      onClose={() => model.open(null)}
      actions={
        <DialogActions
          onCancel={() => model.open(null)}
          confirm={t('imgCreate')}
          disabled={busy || !loaded}
          onConfirm={() => void submit()}
        />
      }
    >
      <TextField
        id="image-name"
        label={t('imgName')}
        hint={problems.name ? undefined : t('imgNameRule')}
        value={form.name}
        error={problems.name}
        onValue={(value) => set({ name: value })}
      />
      <TextField
        id="image-description"
        label={t('colDescription')}
        value={form.description}
        error={problems.description}
        onValue={(description) => set({ description })}
      />
      <Checkbox
        id="image-no-reboot"
        label={t('imgNoReboot')}
        checked={form.noReboot}
        onChecked={(noReboot) => set({ noReboot })}
      />
      <h3>{t('imgDevices')}</h3>
      {loadError && <FeatureError error={loadError} feature={t('imgFeatureCreateImage')} />}
      {!loaded && !loadError && <p class="muted">{t('loading')}</p>}
      {loaded && form.devices.length === 0 && <p class="muted">{t('imgNoDevices')}</p>}
      {loaded && form.devices.length > 0 && (
        <table class="data-table image-devices">
          <thead>
            <tr>
              <th>{t('imgDevice')}</th>
              <th>{t('imgVolume')}</th>
              <th>{t('imgSizeNow')}</th>
              <th>{t('imgNewSize')}</th>
              <th>{t('imgDeleteOnTermination')}</th>
            </tr>
          </thead>
          <tbody>
            {form.devices.map((device, index) => {
              const problem = problems.sizes?.[index];
              return (
                <tr key={device.deviceName}>
                  <td class="mono">{device.deviceName}</td>
                  <td class="mono">{device.volumeId}</td>
                  <td>{device.size}</td>
                  <td>
                    <input
                      type="number"
                      min={device.size || 1}
                      value={device.newSize}
                      aria-label={t('imgNewSizeOf', device.deviceName)}
                      aria-invalid={problem ? true : undefined}
                      onInput={(e) => setDevice(index, { newSize: e.currentTarget.value })}
                    />
                    {problem && <p class="field-error">{problem}</p>}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={device.deleteOnTermination}
                      aria-label={t('imgDeleteOnTerminationOf', device.deviceName)}
                      onChange={(e) =>
                        setDevice(index, { deleteOnTermination: e.currentTarget.checked })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FeatureError error={model.dialogError.value} feature={t('imgFeatureCreateImage')} />
    </Dialog>
  );
}

export function BundleDialog({ model, instanceId }: { model: InstancesModel; instanceId: string }) {
  const [bucket, setBucket] = useState('');
  const [prefix, setPrefix] = useState('');
  const [problems, setProblems] = useState<{ bucket?: string; prefix?: string }>({});
  const [busy, setBusy] = useState(false);
  async function submit() {
    const b = bucket.trim();
    const p = prefix.trim();
    const found: { bucket?: string; prefix?: string } = {};
    if (validateBucketName(b) !== undefined) found.bucket = t('imgBadBucket');
    else if (bundleTargetProblem(b, p)) found.prefix = t('imgBadPrefix');
    setProblems(found);
    if (found.bucket || found.prefix) return;
    setBusy(true);
    await model.images.bundle(instanceId, b, p);
    setBusy(false);
  }
  return (
    <Dialog
      title={t('imgBundleOf', instanceId)}
      onClose={() => model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
            {t('imgBundleStart')}
          </button>
        </>
      }
    >
      <p>{t('imgBundleHelp')}</p>
      <TextField
        id="bundle-bucket"
        label={t('imgBucket')}
        value={bucket}
        error={problems.bucket}
        onValue={(value) => {
          setBucket(value);
          setProblems({});
        }}
      />
      <TextField
        id="bundle-prefix"
        label={t('imgPrefix')}
        value={prefix}
        error={problems.prefix}
        onValue={(value) => {
          setPrefix(value);
          setProblems({});
        }}
      />
      <p class="muted">{t('imgBundleSigned')}</p>
      <FeatureError error={model.dialogError.value} feature={t('imgFeatureBundle')} />
    </Dialog>
  );
}
