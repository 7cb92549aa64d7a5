import { useState } from 'preact/hooks';
import type { LaunchPermissions, RegisterImageInput } from '../../cloud/ec2';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Dialog } from '../components/dialog';
import { TextField } from '../components/field';
import { t } from '../i18n';
import type { ImagesModel } from './images-model';

// EC2's architecture names: identifiers, the same in every language.
const ARCHITECTURES = ['x86_64', 'i386', 'arm64'];

interface RegisterForm {
  source: 'manifest' | 'snapshot';
  location: string;
  snapshotId: string;
  name: string;
  description: string;
  architecture: string;
  rootDeviceName: string;
  kernelId: string;
  ramdiskId: string;
}

/** Field messages for a register form; empty when it can be sent. */
export function registerProblems(form: RegisterForm): Partial<Record<keyof RegisterForm, string>> {
  const problems: Partial<Record<keyof RegisterForm, string>> = {};
  if (form.source === 'manifest') {
    // bucket/path/image.manifest.xml: a bucket, then a key; no scheme, no leading slash.
    if (!/^[^/\s]+\/\S+$/.test(form.location.trim())) problems.location = t('registerBadLocation');
  } else {
    if (!form.snapshotId.trim()) problems.snapshotId = t('fieldRequired');
    if (!form.name.trim()) problems.name = t('fieldRequired');
    if (!form.rootDeviceName.trim().startsWith('/dev/'))
      problems.rootDeviceName = t('registerBadDevice');
  }
  return problems;
}

export function registerInput(form: RegisterForm): RegisterImageInput {
  const common = {
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(form.architecture ? { architecture: form.architecture } : {}),
    ...(form.kernelId.trim() ? { kernelId: form.kernelId.trim() } : {}),
    ...(form.ramdiskId.trim() ? { ramdiskId: form.ramdiskId.trim() } : {}),
  };
  if (form.source === 'manifest') return { ...common, imageLocation: form.location.trim() };
  const device = form.rootDeviceName.trim();
  return {
    ...common,
    rootDeviceName: device,
    blockDeviceMappings: [{ deviceName: device, ebs: { snapshotId: form.snapshotId.trim() } }],
  };
}

export function RegisterDialog({ model, location }: { model: ImagesModel; location?: string }) {
  const [form, setForm] = useState<RegisterForm>({
    source: 'manifest',
    // A complete bundle task's manifest, when the dialog was opened from it.
    location: location ?? '',
    snapshotId: '',
    name: '',
    description: '',
    architecture: '',
    rootDeviceName: '/dev/sda1',
    kernelId: '',
    ramdiskId: '',
  });
  const [problems, setProblems] = useState<ReturnType<typeof registerProblems>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<RegisterForm>) => {
    setForm({ ...form, ...patch });
    const next = { ...problems };
    for (const key of Object.keys(patch)) delete next[key as keyof RegisterForm];
    setProblems(next);
  };
  async function submit() {
    const found = registerProblems(form);
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    await model.register(registerInput(form));
    setBusy(false);
  }
  return (
    <Dialog
      title={t('registerImage')}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
            {t('register')}
          </button>
        </>
      }
    >
      <fieldset>
        <legend>{t('registerSource')}</legend>
        <label>
          <input
            type="radio"
            name="register-source"
            checked={form.source === 'manifest'}
            onChange={() => set({ source: 'manifest' })}
          />
          {t('registerFromManifest')}
        </label>{' '}
        <label>
          <input
            type="radio"
            name="register-source"
            checked={form.source === 'snapshot'}
            onChange={() => set({ source: 'snapshot' })}
          />
          {t('registerFromSnapshot')}
        </label>
      </fieldset>
      {form.source === 'manifest' ? (
        <TextField
          id="register-location"
          label={t('registerLocation')}
          hint={t('registerLocationHint')}
          value={form.location}
          error={problems.location}
          onValue={(location) => set({ location })}
        />
      ) : (
        <>
          <TextField
            id="register-snapshot"
            label={t('registerSnapshot')}
            value={form.snapshotId}
            error={problems.snapshotId}
            onValue={(snapshotId) => set({ snapshotId })}
          />
          <TextField
            id="register-root-device"
            label={t('registerRootDevice')}
            value={form.rootDeviceName}
            error={problems.rootDeviceName}
            onValue={(rootDeviceName) => set({ rootDeviceName })}
          />
        </>
      )}
      <TextField
        id="register-name"
        label={t('colName')}
        value={form.name}
        error={problems.name}
        onValue={(name) => set({ name })}
      />
      <TextField
        id="register-description"
        label={t('colDescription')}
        value={form.description}
        onValue={(description) => set({ description })}
      />
      <div class="field">
        <label for="register-architecture">{t('colArchitecture')}</label>
        <select
          id="register-architecture"
          value={form.architecture}
          onChange={(e) => set({ architecture: e.currentTarget.value })}
        >
          <option value="">{t('serverDefault')}</option>
          {ARCHITECTURES.map((arch) => (
            <option key={arch} value={arch}>
              {arch}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="register-kernel"
        label={t('colKernel')}
        value={form.kernelId}
        onValue={(kernelId) => set({ kernelId })}
      />
      <TextField
        id="register-ramdisk"
        label={t('colRamdisk')}
        value={form.ramdiskId}
        onValue={(ramdiskId) => set({ ramdiskId })}
      />
    </Dialog>
  );
}

export function DeregisterDialog({ model, ids }: { model: ImagesModel; ids: string[] }) {
  return (
    <ConfirmDialog
      title={t('deregister')}
      confirm={t('deregisterConfirmYes', String(ids.length))}
      onConfirm={() => model.deregister(ids)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
    >
      <p>{t('deregisterConfirm', ids.join(', '))}</p>
    </ConfirmDialog>
  );
}

const ACCOUNT_ID = /^\d{12}$/;

export function PermissionsDialog(props: {
  model: ImagesModel;
  imageId: string;
  permissions: LaunchPermissions | null;
}) {
  const { model, imageId, permissions } = props;
  const [account, setAccount] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  function add() {
    const ids = account.split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0 || !ids.every((id) => ACCOUNT_ID.test(id))) {
      setProblem(t('permissionsBadAccount'));
      return;
    }
    void model
      .changePermissions(imageId, { add: { userIds: ids } })
      .then((ok) => ok && setAccount(''));
  }
  return (
    <Dialog
      title={t('launchPermissionsOf', imageId)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <button type="button" onClick={() => model.open(null)}>
          {t('close')}
        </button>
      }
    >
      {!permissions ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <p>{permissions.public ? t('imageIsPublic') : t('imageIsPrivate')}</p>
          <button
            type="button"
            onClick={() =>
              void model.changePermissions(
                imageId,
                permissions.public ? { remove: { public: true } } : { add: { public: true } },
              )
            }
          >
            {permissions.public ? t('makePrivate') : t('makePublic')}
          </button>
          <h3>{t('permissionsAccounts')}</h3>
          {permissions.userIds.length === 0 && <p class="muted">{t('permissionsNoAccounts')}</p>}
          <ul>
            {permissions.userIds.map((id) => (
              <li key={id}>
                <code>{id}</code>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void model.changePermissions(imageId, { remove: { userIds: [id] } })
                  }
                >
                  {t('removeAccount', id)}
                </button>
              </li>
            ))}
          </ul>
          <TextField
            id="permissions-account"
            label={t('permissionsAddAccount')}
            value={account}
            error={problem}
            onValue={(value) => {
              setAccount(value);
              setProblem(undefined);
            }}
          />
          <button type="button" onClick={add}>
            {t('add')}
          </button>
        </>
      )}
    </Dialog>
  );
}
