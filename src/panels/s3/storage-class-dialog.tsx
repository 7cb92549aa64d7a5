// "Change storage class…": the class to copy the selected objects into, a word on the classes
// that need a restore before reading, and the copy's progress.

import { useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import { Checkbox, Field } from '../components/field';
import { t } from '../i18n';
import type { ObjectDialog } from './s3-dialog';
import type { S3Model } from './s3-model';
import { needsRestore, STORAGE_CLASSES, type StorageClass } from './storage-class-ops';
import { Progress, TransferActions } from './transfer-dialogs';

export function StorageClassDialog({
  model,
  dialog,
}: {
  model: S3Model;
  dialog: Extract<ObjectDialog, { kind: 'storage-class' }>;
}) {
  const [storageClass, setStorageClass] = useState<StorageClass>('STANDARD_IA');
  const [understood, setUnderstood] = useState(false);
  const running = dialog.progress?.running ?? false;
  const close = () => (running ? undefined : model.open(null));
  const archive = needsRestore(storageClass);
  const submit = async () => {
    if (archive && !understood) return;
    await model.changeStorageClass(dialog.keys, storageClass);
  };
  return (
    <Dialog
      error={model.dialogError.value}
      title={t('scTitle', `${dialog.keys.length}`)}
      onClose={close}
      actions={
        <TransferActions
          model={model}
          running={running}
          disabled={archive && !understood}
          onCancel={close}
          onSubmit={submit}
          label={t('scAction')}
        />
      }
    >
      <Field id="sc-class" label={t('scClass')} hint={t('scHint')}>
        <select
          id="sc-class"
          value={storageClass}
          onChange={(e) => {
            setStorageClass(e.currentTarget.value as StorageClass);
            setUnderstood(false);
          }}
        >
          {STORAGE_CLASSES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      {archive && (
        <>
          <p class="notice warning" role="alert">
            {t('scRestoreWarning', storageClass)}
          </p>
          <Checkbox
            id="sc-understood"
            label={t('scUnderstood')}
            checked={understood}
            onChecked={setUnderstood}
          />
        </>
      )}
      <Progress progress={dialog.progress} />
    </Dialog>
  );
}
