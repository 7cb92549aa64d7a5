import { useEffect, useState } from 'preact/hooks';
import { type Image, isImageName } from '../../cloud/ec2';
import { Dialog } from '../components/dialog';
import { FeatureError } from '../components/feature-error';
import { TextField } from '../components/field';
import { asError } from '../errors';
import { t } from '../i18n';
import type { ImagesModel } from './images-model';

export function CopyImageDialog({ model, image }: { model: ImagesModel; image: Image }) {
  const here = model.profile.value?.profile.region ?? '';
  const [regions, setRegions] = useState<string[] | null>(null);
  const [regionError, setRegionError] = useState<ReturnType<typeof asError> | null>(null);
  const [region, setRegion] = useState('');
  const [name, setName] = useState(image.name);
  const [description, setDescription] = useState(image.description);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    model.copies.regions().then(
      (found) => {
        if (!live) return;
        setRegions(found);
        setRegion(found.find((r) => r !== here) ?? found[0] ?? '');
      },
      (e: unknown) => live && setRegionError(asError(e)),
    );
    return () => {
      live = false;
    };
  }, [image.imageId]);

  async function submit() {
    if (!isImageName(name.trim())) return setProblem(t('imgNameRule'));
    setBusy(true);
    await model.copies.copy(region, {
      sourceImageId: image.imageId,
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
    });
    setBusy(false);
  }
  return (
    <Dialog
      title={t('imgCopyImageOf', image.imageId)}
      onClose={() => model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => model.open(null)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="primary"
            disabled={busy || !region}
            onClick={() => void submit()}
          >
            {t('imgCopy')}
          </button>
        </>
      }
    >
      <div class="field">
        <label for="copy-image-region">{t('imgDestination')}</label>
        <select
          id="copy-image-region"
          value={region}
          disabled={!regions}
          onChange={(e) => setRegion(e.currentTarget.value)}
        >
          {!regions && <option value="">{t('loading')}</option>}
          {regions?.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {regionError && <FeatureError error={regionError} feature={t('imgFeatureCopyImage')} />}
      <TextField
        id="copy-image-name"
        label={t('imgCopyName')}
        hint={problem ? undefined : t('imgNameRule')}
        value={name}
        error={problem}
        onValue={(value) => {
          setName(value);
          setProblem(undefined);
        }}
      />
      <TextField
        id="copy-image-description"
        label={t('colDescription')}
        value={description}
        onValue={setDescription}
      />
      <FeatureError error={model.dialogError.value} feature={t('imgFeatureCopyImage')} />
    </Dialog>
  );
}
