import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { t } from '../i18n';
import { Dialog } from './dialog';

interface Props {
  title: string;
  /** The confirming button's text, naming what happens ("Delete key pair"). */
  confirm: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  error: CloudErrorData | null;
  children: ComponentChildren;
}

/** "Really delete X?": a dangerous action confirmed by name; the server's refusal stays in view. */
export function ConfirmDialog({ title, confirm, onConfirm, onClose, error, children }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      error={error}
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onConfirm().finally(() => setBusy(false));
            }}
          >
            {confirm}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
