import { useEffect, useMemo } from 'preact/hooks';
import { viewUserData } from '../components/user-data';
import { t } from '../i18n';

/** A download name from an instance id; the id comes from the cloud, so only safe characters. */
function fileName(instanceId: string): string {
  return `user-data-${instanceId.replace(/[^A-Za-z0-9._-]/g, '_')}.bin`;
}

/** Binary user data: its size and a link that downloads the bytes (a Blob, never a data: URL). */
export function BinaryUserData({ bytes, instanceId }: { bytes: Uint8Array; instanceId: string }) {
  const url = useMemo(
    () => URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/octet-stream' })),
    [bytes],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <span class="user-data-binary">
      {t('attrUserDataBinary', String(bytes.length))}{' '}
      <a href={url} download={fileName(instanceId)}>
        {t('attrUserDataDownload')}
      </a>
    </span>
  );
}

/** An instance's user data as the details pane shows it: text, binary to download, or none. */
export function UserDataSummary({ base64, instanceId }: { base64: string; instanceId: string }) {
  const view = useMemo(() => viewUserData(base64), [base64]);
  if (view.kind === 'none') return <span>{t('attrUserDataNone')}</span>;
  if (view.kind === 'binary') return <BinaryUserData bytes={view.bytes} instanceId={instanceId} />;
  return <pre class="console-output user-data">{view.text}</pre>;
}
