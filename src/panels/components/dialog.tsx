import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { t } from '../i18n';
import { ErrorMessage } from './error-message';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Buttons along the bottom. */
  actions?: ComponentChildren;
  wide?: boolean;
  /** The server's refusal of what the dialog asked for, shown below the content. */
  error?: CloudErrorData | null;
}

/**
 * A modal `<dialog>`: focus moves in and is trapped by the browser, Escape closes it. Its
 * content is kept by the caller's model, so closing by mistake loses nothing typed.
 */
export function Dialog({ title, onClose, children, actions, wide, error }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // Before the first paint, so typing never lands while the dialog is shown but not yet modal.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      class={wide ? 'dialog wide' : 'dialog'}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      <div class="dialog-body">
        {children}
        {error && <ErrorMessage error={error} />}
      </div>
      {actions && <div class="dialog-actions">{actions}</div>}
    </dialog>
  );
}

/** The usual pair along a dialog's bottom: Cancel, then the primary action. */
export function DialogActions(props: {
  onCancel: () => void;
  confirm: ComponentChildren;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
      <button type="button" class="primary" disabled={props.disabled} onClick={props.onConfirm}>
        {props.confirm}
      </button>
    </>
  );
}
