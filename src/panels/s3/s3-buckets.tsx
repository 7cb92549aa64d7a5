// The bucket list (name, created, region) and the create-bucket dialog.

import { useState } from 'preact/hooks';
import { validateBucketName } from '../../cloud/s3';
import { Dialog } from '../components/dialog';
import { TextField } from '../components/field';
import { t } from '../i18n';
import type { S3Model } from './s3-model';

export function BucketList({ model }: { model: S3Model }) {
  const regions = model.regions.value;
  return (
    <table class="bucket-table">
      <thead>
        <tr>
          <th scope="col">{t('colName')}</th>
          <th scope="col">{t('colCreated')}</th>
          <th scope="col">{t('colRegion')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('delete')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {model.buckets.value.map((b) => (
          <tr key={b.name} data-bucket={b.name}>
            <td>
              <button type="button" class="link" onClick={() => model.openBucket(b.name)}>
                {b.name}
              </button>
            </td>
            <td>{new Date(b.creationDate).toLocaleString()}</td>
            <td>{regions.get(b.name) ?? t('s3RegionUnknown')}</td>
            <td class="row-actions">
              <button type="button" onClick={() => model.openSettings(b.name)}>
                {t('s3SettingsNamed', b.name)}
              </button>
              <button
                type="button"
                class="danger"
                onClick={() => void model.askDeleteBucket(b.name)}
              >
                {t('bucketDeleteNamed', b.name)}
              </button>
            </td>
          </tr>
        ))}
        {model.buckets.value.length === 0 && (
          <tr>
            <td colSpan={4} class="muted">
              {t('s3NoBuckets')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function CreateBucketDialog({ model }: { model: S3Model }) {
  const profile = model.profile.value?.profile;
  const [name, setName] = useState('');
  // AWS creates in the profile's region unless told otherwise; other clouds send none by default.
  const [region, setRegion] = useState(profile?.kind === 'aws' ? profile.region : '');
  const [problems, setProblems] = useState<{ name?: string; region?: string }>({});
  const submit = () => {
    const found: { name?: string; region?: string } = {};
    if (validateBucketName(name.trim())) found.name = t('s3BadBucketName');
    if (region.trim() && !/^[a-z0-9-]+$/.test(region.trim())) found.region = t('s3BadRegion');
    setProblems(found);
    if (!found.name && !found.region) void model.createBucket(name.trim(), region.trim());
  };
  return (
    <Dialog
      error={model.dialogError.value}
      title={t('s3CreateBucket')}
      onClose={() => model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button type="button" class="primary" onClick={submit}>
            {t('create')}
          </button>
        </>
      }
    >
      <TextField
        id="s3-name"
        label={t('s3BucketName')}
        value={name}
        error={problems.name}
        onValue={(value) => {
          setName(value);
          setProblems({ ...problems, name: undefined });
        }}
      />
      <TextField
        id="s3-region"
        label={t('s3BucketRegion')}
        value={region}
        hint={t('s3BucketRegionHelp')}
        error={problems.region}
        onValue={(value) => {
          setRegion(value);
          setProblems({ ...problems, region: undefined });
        }}
      />
    </Dialog>
  );
}
