import type { CloudErrorData } from '../../cloud/errors';
import { isUnsupportedAction } from '../../cloud/unsupported';
import { t } from '../i18n';
import { ErrorMessage } from './error-message';

/**
 * A refusal of one feature: "this cloud does not support …" in plain words when the cloud lacks
 * the action, else the server's error as usual.
 */
export function FeatureError({
  error,
  feature,
}: {
  error: CloudErrorData | null;
  feature: string;
}) {
  if (!error) return null;
  if (!isUnsupportedAction(error)) return <ErrorMessage error={error} />;
  return (
    <p class="notice warning" role="alert">
      {t('imgCloudLacks', feature)} <span class="muted">({error.code})</span>
    </p>
  );
}
