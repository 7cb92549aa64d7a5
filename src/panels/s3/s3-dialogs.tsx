import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Dialog } from '../components/dialog';
import { Field, TextField } from '../components/field';
import { type MessageKey, t } from '../i18n';
import type { S3Model } from './s3-model';

const LIFETIMES: Array<[number, MessageKey]> = [
  [300, 'shareFiveMinutes'],
  [3600, 'shareOneHour'],
  [86_400, 'shareOneDay'],
  [604_800, 'shareSevenDays'],
];

export function ShareDialog({
  model,
  objectKey,
  url,
}: {
  model: S3Model;
  objectKey: string;
  url: string | null;
}) {
  const [seconds, setSeconds] = useState(3600);
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      error={model.dialogError.value}
      title={t('shareTitle', objectKey)}
      onClose={() => model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => void model.share(objectKey, seconds)}>
            {t('shareCreate')}
          </button>
          <button
            type="button"
            disabled={!url}
            onClick={() =>
              url && void navigator.clipboard.writeText(url).then(() => setCopied(true))
            }
          >
            {copied ? t('copied') : t('copy')}
          </button>
          <button type="button" onClick={() => model.open(null)}>
            {t('close')}
          </button>
        </>
      }
    >
      <Field id="share-lifetime" label={t('shareLifetime')}>
        <select
          id="share-lifetime"
          value={String(seconds)}
          onChange={(e) => {
            setSeconds(Number(e.currentTarget.value));
            setCopied(false);
          }}
        >
          {LIFETIMES.map(([value, key]) => (
            <option key={value} value={String(value)}>
              {t(key)}
            </option>
          ))}
        </select>
      </Field>
      {url && (
        <Field id="share-url" label={t('shareLink')} hint={t('shareHint')}>
          <input id="share-url" type="text" readOnly value={url} />
        </Field>
      )}
    </Dialog>
  );
}

export function DeleteBucketDialog({
  model,
  name,
  keys,
}: {
  model: S3Model;
  name: string;
  keys: string[] | null;
}) {
  return (
    <ConfirmDialog
      title={t('bucketDeleteTitle', name)}
      confirm={
        keys === null
          ? t('s3Counting')
          : keys.length
            ? t('bucketEmptyAndDelete', String(keys.length))
            : t('bucketDelete')
      }
      onConfirm={() => (keys === null ? Promise.resolve() : model.deleteBucket(name, keys))}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
    >
      <p>
        {keys === null
          ? t('s3Counting')
          : keys.length
            ? t('bucketNotEmpty', name, String(keys.length))
            : t('bucketDeleteConfirm', name)}
      </p>
    </ConfirmDialog>
  );
}

/** Asks for a name (a new folder's), checked before it is sent. */
export function NameDialog(props: {
  model: S3Model;
  title: string;
  label: string;
  check: (name: string) => string | undefined;
  onSubmit: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = () => {
    const found = props.check(name.trim());
    setProblem(found);
    if (!found) void props.onSubmit(name.trim());
  };
  return (
    <Dialog
      error={props.model.dialogError.value}
      title={props.title}
      onClose={() => props.model.open(null)}
      actions={
        <>
          <button type="button" onClick={() => props.model.open(null)}>
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
        label={props.label}
        value={name}
        error={problem}
        onValue={(value) => {
          setName(value);
          setProblem(undefined);
        }}
      />
    </Dialog>
  );
}
