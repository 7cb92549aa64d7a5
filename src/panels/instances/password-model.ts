// The Instances panel's "Windows password" dialog state: the encrypted password data fetched for
// one instance. The private key never comes here: the dialog reads it, decrypts and forgets it.

import { type Signal, signal } from '@preact/signals';
import { ec2Call, getPasswordData, type PasswordData } from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import { isUnsupportedAction } from '../../cloud/unsupported';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';

export interface PasswordDialogState {
  kind: 'password';
  instanceId: string;
  /** null while loading. */
  data: PasswordData | null;
}

/** The cloud does not offer GetPasswordData at all (as opposed to refusing this instance). */
export function passwordUnsupported(error: CloudErrorData | null): boolean {
  return isUnsupportedAction(error);
}

/** The part of the resource panel the password dialog uses. */
interface PanelPart {
  dialog: Signal<{ kind: string } | null>;
  dialogError: Signal<CloudErrorData | null>;
  open(next: PasswordDialogState): void;
  current(): CurrentProfile | null;
}

export function createPasswordActions(panel: PanelPart) {
  /** The id of the profile whose cloud said it has no GetPasswordData (its button stays off). */
  const unsupportedOn = signal<string | null>(null);
  const isOpenFor = (instanceId: string): PasswordDialogState | null => {
    const open = panel.dialog.value;
    return open?.kind === 'password' && (open as PasswordDialogState).instanceId === instanceId
      ? (open as PasswordDialogState)
      : null;
  };
  return {
    passwordUnsupportedOn: unsupportedOn,
    /** Opens the dialog (or retries in it) and fetches the password data. */
    async showPassword(instanceId: string) {
      panel.open({ kind: 'password', instanceId, data: null });
      const current = panel.current();
      if (!current) return;
      try {
        const data = await ec2Call(getPasswordData, current.profile, current.signer, {
          instanceId,
        });
        const open = isOpenFor(instanceId);
        const next: PasswordDialogState | null = open && { ...open, data };
        if (next) panel.dialog.value = next;
      } catch (e) {
        const error = asError(e);
        if (passwordUnsupported(error)) unsupportedOn.value = current.profile.id;
        if (isOpenFor(instanceId)) panel.dialogError.value = error;
      }
    },
  };
}
