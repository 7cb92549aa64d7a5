// The permissions dialog: an object's grants, which canned ACL they are, and private or
// public-read to set.

import { useState } from 'preact/hooks';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { type MessageKey, t } from '../i18n';
import {
  type AclView,
  ALL_USERS,
  AUTHENTICATED_USERS,
  type GrantView,
  LOG_DELIVERY,
} from './acl-ops';
import type { ObjectDialog } from './s3-dialog';
import type { S3Model } from './s3-model';

const GROUPS: Record<string, MessageKey> = {
  [ALL_USERS]: 'objGroupAllUsers',
  [AUTHENTICATED_USERS]: 'objGroupAuthenticated',
  [LOG_DELIVERY]: 'objGroupLogDelivery',
};

const PERMISSIONS: Record<string, MessageKey> = {
  FULL_CONTROL: 'objPermFullControl',
  READ: 'objPermRead',
  WRITE: 'objPermWrite',
  READ_ACP: 'objPermReadAcp',
  WRITE_ACP: 'objPermWriteAcp',
};

const CANNED: Record<AclView['canned'], MessageKey> = {
  private: 'objAclPrivate',
  'public-read': 'objAclPublicRead',
  other: 'objAclOther',
};

function permissionName(permission: string): string {
  const key = PERMISSIONS[permission];
  return key ? t(key) : permission;
}

function granteeName(grant: GrantView): string {
  const group = grant.uri ? GROUPS[grant.uri] : undefined;
  return group ? t(group) : grant.grantee;
}

export function AclDialog({
  model,
  dialog,
}: {
  model: S3Model;
  dialog: Extract<ObjectDialog, { kind: 'permissions' }>;
}) {
  const { acl, off, applied } = dialog;
  const [choice, setChoice] = useState<'private' | 'public-read' | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = choice ?? (acl?.canned === 'public-read' ? 'public-read' : 'private');
  const error = model.dialogError.value;
  const apply = async () => {
    setBusy(true);
    await model.applyAcl(dialog.key, chosen);
    setBusy(false);
  };
  return (
    <Dialog
      title={t('objPermissionsTitle', dialog.key)}
      wide
      onClose={() => model.open(null)}
      actions={
        <button type="button" onClick={() => model.open(null)}>
          {t('close')}
        </button>
      }
    >
      {off && (
        <p class="notice warning" role="status">
          {t('objAclOff')}
        </p>
      )}
      {!off && !acl && !error && <p class="muted">{t('loading')}</p>}
      {!off && acl && (
        <>
          <section class="details">
            <dl>
              <dt>{t('colOwner')}</dt>
              <dd>
                {acl.owner}
                {acl.ownerId && acl.ownerId !== acl.owner && (
                  <span class="mono muted"> {acl.ownerId}</span>
                )}
              </dd>
            </dl>
          </section>
          {acl.grants.length === 0 ? (
            <p class="muted">{t('objAclNoGrants')}</p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th>{t('objGrantee')}</th>
                  <th>{t('objPermission')}</th>
                </tr>
              </thead>
              <tbody>
                {acl.grants.map((grant) => (
                  <tr key={`${grant.grantee}:${grant.permission}`}>
                    <td>
                      {granteeName(grant)}
                      {grant.kind === 'user' && grant.id && grant.id !== grant.grantee && (
                        <span class="mono muted"> {grant.id}</span>
                      )}
                    </td>
                    <td>{permissionName(grant.permission)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>{t('objAclMatches', t(CANNED[acl.canned]))}</p>
          <fieldset>
            <legend>{t('objAclSet')}</legend>
            <label>
              <input
                id="acl-private"
                type="radio"
                name="acl-canned"
                checked={chosen === 'private'}
                onChange={() => setChoice('private')}
              />
              {t('objAclSetPrivate')}
            </label>{' '}
            <label>
              <input
                id="acl-public-read"
                type="radio"
                name="acl-canned"
                checked={chosen === 'public-read'}
                onChange={() => setChoice('public-read')}
              />
              {t('objAclSetPublicRead')}
            </label>{' '}
            <button type="button" class="primary" disabled={busy} onClick={() => void apply()}>
              {t('objAclApply')}
            </button>
          </fieldset>
          {applied && (
            <p class="notice ok" role="status">
              {t('objAclApplied', applied)}
            </p>
          )}
        </>
      )}
      {error && <ErrorMessage error={error} />}
      {error?.code === 'AccessDenied' && chosen === 'public-read' && (
        <p class="muted">{t('objAclPublicBlocked')}</p>
      )}
    </Dialog>
  );
}
