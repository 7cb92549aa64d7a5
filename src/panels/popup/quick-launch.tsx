import { useEffect, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import browser from '../../shared/browser';
import { call } from '../../shared/call';
import {
  type LaunchOutcome,
  type LaunchPreset,
  launchOutcomes,
  launchPresets,
} from '../../storage/items';
import { ErrorMessage } from '../components/error-message';
import { type CurrentProfile, watchCurrentProfile } from '../current-profile';
import { asError } from '../errors';
import { t } from '../i18n';
import { emptyLaunchForm, type LaunchForm, runInput } from '../launch/launch-form';

type Status =
  | { kind: 'launching'; name: string }
  | { kind: 'launched'; name: string; ids: string[] }
  | { kind: 'failed'; name: string; error: CloudErrorData };

/** The presets of the current profile, each one click from a launch the background then follows. */
export function QuickLaunch() {
  const [presets, setPresets] = useState<LaunchPreset[]>([]);
  const [current, setCurrent] = useState<CurrentProfile | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [outcomes, setOutcomes] = useState<LaunchOutcome[]>([]);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    const load = () => {
      void launchPresets.get().then(setPresets);
      void launchOutcomes.get().then(setOutcomes);
    };
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (launchPresets.key in changes || launchOutcomes.key in changes))
        load();
    };
    load();
    browser.storage.onChanged.addListener(onChange);
    const watcher = watchCurrentProfile(setCurrent);
    return () => {
      browser.storage.onChanged.removeListener(onChange);
      watcher.dispose();
    };
  }, []);

  const mine = presets.filter((p) => p.profileId === current?.profile.id);
  if (!current || (mine.length === 0 && outcomes.length === 0)) return null;

  async function launch(preset: LaunchPreset) {
    if (!current || status?.kind === 'launching') return;
    setStatus({ kind: 'launching', name: preset.name });
    const form: LaunchForm = { ...emptyLaunchForm(), ...(preset.form as Partial<LaunchForm>) };
    try {
      // A fresh token per click: each click is a launch the user asked for.
      const input = { ...runInput(form, current.profile), clientToken: crypto.randomUUID() };
      // Loaded on the click: the popup opens with only the shell's code.
      const { ec2Call, runInstances } = await import('../../cloud/ec2');
      const reservation = await ec2Call(runInstances, current.profile, current.signer, input);
      const ids = reservation.instances.map((i) => i.instanceId);
      await call('watchLaunch', {
        profileId: current.profile.id,
        instanceIds: ids,
        presetName: preset.name,
      });
      setStatus({ kind: 'launched', name: preset.name, ids });
    } catch (error) {
      setStatus({ kind: 'failed', name: preset.name, error: asError(error) });
    }
  }

  async function remove(preset: LaunchPreset) {
    await launchPresets.update((list) => list.filter((p) => p.id !== preset.id));
  }

  return (
    <section class="quick-launch" aria-label={t('quickLaunch')}>
      <h2>{t('quickLaunch')}</h2>
      <ul>
        {mine.map((preset) => (
          <li key={preset.id}>
            <button
              type="button"
              class="primary"
              disabled={status?.kind === 'launching'}
              onClick={() => void launch(preset)}
            >
              {t('quickLaunchPreset', preset.name)}
            </button>{' '}
            <button type="button" onClick={() => void remove(preset)}>
              {t('removePreset', preset.name)}
            </button>
          </li>
        ))}
      </ul>
      {status?.kind === 'launching' && <p role="status">{t('launching')}</p>}
      {status?.kind === 'launched' && (
        <p class="notice ok" role="status">
          {t('quickLaunched', status.ids.join(', '))}
        </p>
      )}
      {status?.kind === 'failed' && <ErrorMessage error={status.error} />}
      {outcomes.length > 0 && (
        <>
          <h3>{t('recentLaunches')}</h3>
          <ul>
            {outcomes.map((o) => (
              <li key={o.at}>
                {o.running
                  ? t('recentRunning', o.presetName, o.instanceIds.join(', '), o.address || '-')
                  : t('recentFailed', o.presetName, o.instanceIds.join(', '))}{' '}
                {o.ssh && (
                  <button
                    type="button"
                    onClick={() =>
                      void navigator.clipboard.writeText(o.ssh).then(() => setCopied(o.ssh))
                    }
                  >
                    {t('copySsh')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {copied && <p role="status">{t('sshCopied', copied)}</p>}
        </>
      )}
    </section>
  );
}
