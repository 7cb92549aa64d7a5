import { CLOUD_PRESETS, type CloudPresetId, cloudPreset } from '../../cloud/cloud-presets';
import { type MessageKey, t } from '../i18n';
import type { ProfileForm } from './profile-form-state';

const PRESET_NAMES: Record<CloudPresetId, MessageKey> = {
  'eucalyptus-3': 'loginPresetEucalyptus3',
  'eucalyptus-4': 'loginPresetEucalyptus4',
  openstack: 'loginPresetOpenstack',
  cloudstack: 'loginPresetCloudstack',
};

/** The form fields a preset sets; the host (and https) stay as typed. */
export function presetPatch(id: CloudPresetId): Partial<ProfileForm> {
  const preset = cloudPreset(id);
  return {
    port: String(preset.port),
    ec2Path: preset.ec2Path,
    s3Path: preset.s3Path,
    s3Host: '',
    signatureVersion: String(preset.signatureVersion) as '2' | '4',
    ...(preset.apiVersion ? { apiVersion: preset.apiVersion } : {}),
    ...(preset.services ?? {}),
  };
}

/** One button per known cloud; a cloud whose object store is elsewhere says so once chosen. */
export function CloudPresetButtons({
  chosen,
  onChoose,
}: {
  chosen: CloudPresetId | null;
  onChoose: (id: CloudPresetId) => void;
}) {
  return (
    <fieldset class="field cloud-presets">
      <legend>{t('loginPresetsLabel')}</legend>
      <div class="presets">
        {CLOUD_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            data-preset={preset.id}
            aria-pressed={chosen === preset.id}
            onClick={() => onChoose(preset.id)}
          >
            {t(PRESET_NAMES[preset.id])}
          </button>
        ))}
      </div>
      <small class="field-hint">{t('loginPresetsHint')}</small>
      {chosen && cloudPreset(chosen).separateS3 && (
        <p class="notice" role="status">
          {t('loginPresetSeparateS3')}
        </p>
      )}
    </fieldset>
  );
}
