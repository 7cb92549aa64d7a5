import { useState } from 'preact/hooks';
import type { VolumePermissions } from '../../cloud/ec2';
import { DestinationRegion } from '../components/destination-region';
import { Dialog, DialogActions } from '../components/dialog';
import { FeatureError } from '../components/feature-error';
import { Checkbox, TextField } from '../components/field';
import { t } from '../i18n';
import type { VolumesModel } from './volumes-model';

const ACCOUNT_ID = /^\d{12}$/;

/** Account ids typed with spaces or commas between them; undefined when one is not 12 digits. */
export function parseAccountIds(text: string): string[] | undefined {
  const ids = text.split(/[\s,]+/).filter(Boolean);
  return ids.length > 0 && ids.every((id) => ACCOUNT_ID.test(id)) ? ids : undefined;
}

export function CopySnapshotDialog({
  model,
  snapshotId,
}: {
  model: VolumesModel;
  snapshotId: string;
}) {
  const snapshot = model.findSnapshot(snapshotId);
  const [region, setRegion] = useState('');
  const [description, setDescription] = useState(snapshot?.description ?? '');
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    await model.sharing.copy(snapshotId, region, description);
    setBusy(false);
  }
  return (
    <Dialog
      title={t('imgCopySnapshotOf', snapshotId)}
      onClose={() => model.open(null)}
      actions={
        <DialogActions
          onCancel={() => model.open(null)}
          confirm={t('imgCopy')}
          disabled={busy || !region}
          onConfirm={() => void submit()}
        />
      }
    >
      <DestinationRegion
        id="copy-snapshot-region"
        load={model.sharing.regions}
        initial={(found) => model.profile.value?.profile.region ?? found[0] ?? ''}
        value={region}
        onValue={setRegion}
        feature={t('imgFeatureCopySnapshot')}
      />
      <TextField
        id="copy-snapshot-description"
        label={t('colDescription')}
        value={description}
        onValue={setDescription}
      />
      <FeatureError error={model.dialogError.value} feature={t('imgFeatureCopySnapshot')} />
    </Dialog>
  );
}

export function VolumePermissionsDialog({
  model,
  snapshotId,
  permissions,
}: {
  model: VolumesModel;
  snapshotId: string;
  permissions: VolumePermissions | null;
}) {
  const [accounts, setAccounts] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  async function change(run: () => Promise<boolean>) {
    setBusy(true);
    const ok = await run();
    setBusy(false);
    return ok;
  }
  async function add() {
    const ids = parseAccountIds(accounts);
    if (!ids) return setProblem(t('imgBadAccount'));
    const ok = await change(() =>
      model.sharing.changePermissions({ snapshotId, operation: 'add', userIds: ids }),
    );
    if (ok) setAccounts('');
  }
  return (
    <Dialog
      title={t('imgVolumePermissionsOf', snapshotId)}
      onClose={() => model.open(null)}
      actions={
        <button type="button" onClick={() => model.open(null)}>
          {t('close')}
        </button>
      }
    >
      {!permissions ? (
        !model.dialogError.value && <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <Checkbox
            id="snapshot-public"
            label={t('imgSnapshotPublic')}
            checked={permissions.public}
            onChecked={(makePublic) =>
              void change(() =>
                model.sharing.changePermissions({
                  snapshotId,
                  operation: makePublic ? 'add' : 'remove',
                  public: true,
                }),
              )
            }
          />
          <p class={permissions.public ? 'notice warning' : 'muted'}>{t('imgPublicWarning')}</p>
          <h3>{t('imgAccounts')}</h3>
          {permissions.userIds.length === 0 && <p class="muted">{t('imgNoAccounts')}</p>}
          <ul class="volume-permission-accounts">
            {permissions.userIds.map((id) => (
              <li key={id}>
                <code>{id}</code>{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void change(() =>
                      model.sharing.changePermissions({
                        snapshotId,
                        operation: 'remove',
                        userIds: [id],
                      }),
                    )
                  }
                >
                  {t('imgRemoveAccount', id)}
                </button>
              </li>
            ))}
          </ul>
          <TextField
            id="snapshot-accounts"
            label={t('imgAddAccounts')}
            value={accounts}
            error={problem}
            onValue={(value) => {
              setAccounts(value);
              setProblem(undefined);
            }}
          />
          <button type="button" disabled={busy} onClick={() => void add()}>
            {t('add')}
          </button>
        </>
      )}
      <FeatureError error={model.dialogError.value} feature={t('imgFeatureVolumePermissions')} />
    </Dialog>
  );
}
