import { useState } from 'preact/hooks';
import { type Image, isImageName } from '../../cloud/ec2';
import { DestinationRegion } from '../components/destination-region';
import { Dialog, DialogActions } from '../components/dialog';
import { FeatureError } from '../components/feature-error';
import { TextField } from '../components/field';
import { t } from '../i18n';
import type { ImagesModel } from './images-model';

export function CopyImageDialog({ model, image }: { model: ImagesModel; image: Image }) {
  const here = model.profile.value?.profile.region ?? '';
  const [region, setRegion] = useState('');
  const [name, setName] = useState(image.name);
  const [description, setDescription] = useState(image.description);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

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
        <DialogActions
          onCancel={() => model.open(null)}
          confirm={t('imgCopy')}
          disabled={busy || !region}
          onConfirm={() => void submit()}
        />
      }
    >
      <DestinationRegion
        id="copy-image-region"
        load={model.copies.regions}
        // A copy goes elsewhere: the first region that is not this one.
        initial={(found) => found.find((r) => r !== here) ?? found[0] ?? ''}
        value={region}
        onValue={setRegion}
        feature={t('imgFeatureCopyImage')}
      />
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
