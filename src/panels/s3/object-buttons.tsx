import { t } from '../i18n';
import type { S3Model } from './s3-model';

/** The toolbar's object actions, enabled by what is selected. */
export function ObjectButtons({ model, chosen }: { model: S3Model; chosen: string[] }) {
  const one = chosen.length === 1 ? chosen[0] : undefined;
  const oneObject = one !== undefined && !one.endsWith('/') ? one : undefined;
  // Storage classes other than STANDARD are an AWS feature.
  const aws = model.profile.value?.profile.kind === 'aws';
  return (
    <>
      <button
        type="button"
        disabled={chosen.length === 0}
        onClick={() => model.askCopy(chosen, false)}
      >
        {t('objCopyButton')}
      </button>
      <button
        type="button"
        disabled={chosen.length === 0}
        onClick={() => model.askCopy(chosen, true)}
      >
        {t('objMoveButton')}
      </button>
      <button type="button" disabled={!one} onClick={() => one && model.askRename(one)}>
        {t('objRenameButton')}
      </button>
      <button
        type="button"
        disabled={!oneObject}
        onClick={() => oneObject && void model.openProperties(oneObject)}
      >
        {t('objPropertiesButton')}
      </button>
      <button
        type="button"
        disabled={!oneObject}
        onClick={() => oneObject && void model.openPermissions(oneObject)}
      >
        {t('objPermissionsButton')}
      </button>
      {aws && (
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => model.askStorageClass(chosen)}
        >
          {t('scChangeButton')}
        </button>
      )}
    </>
  );
}
