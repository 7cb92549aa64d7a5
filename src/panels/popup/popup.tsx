import { useEffect, useMemo, useState } from 'preact/hooks';
import { call } from '../../shared/call';
import { browserDeps } from '../browser-deps';
import { ErrorMessage } from '../components/error-message';
import { ProfileSwitcher } from '../components/profile-switcher';
import { SessionStatus } from '../components/session-status';
import { t } from '../i18n';
import { sshRefusalText } from '../ssh-text';
import { createPopupAlerts, type PopupAlerts } from './popup-alerts';
import { createPopupModel, type PopupModel } from './popup-model';

/** The toolbar view, designed for its 640×560: the daily jobs at a glance, the rest one click away. */
export function Popup() {
  const model = useMemo(() => createPopupModel(browserDeps), []);
  useEffect(() => model.dispose, [model]);
  const alerts = useMemo(() => createPopupAlerts(browserDeps.storageEvents, call), []);
  useEffect(() => alerts.dispose, [alerts]);
  const [backgroundDown, setBackgroundDown] = useState<string | null>(null);
  useEffect(() => {
    call('ping', { echo: 'popup' }).catch((error: { message?: string }) =>
      setBackgroundDown(error.message ?? String(error)),
    );
  }, []);

  async function openCirrus() {
    await call('openPanel', {});
    window.close();
  }

  return (
    <div class="popup">
      <header class="app-header">
        <h1 class="brand">
          <img src="/icons/icon-32.png" alt="" width={20} height={20} />
          {t('appHeading')}
        </h1>
        <ProfileSwitcher />
        <SessionStatus />
        <button
          type="button"
          class="primary"
          title={t('openInTabHint')}
          onClick={() => void openCirrus()}
        >
          {t('openCirrus')}
        </button>
      </header>
      {backgroundDown && (
        <p class="banner error" role="alert">
          {t('backgroundUnavailable', backgroundDown)}
        </p>
      )}
      <main class="popup-body">
        <Reminders alerts={alerts} />
        {model.ready.value && !model.profile.value ? (
          <p class="popup-empty">{t('popupNeedsProfile')}</p>
        ) : (
          <>
            <Presets model={model} />
            <Instances model={model} />
            <Outcomes model={model} />
          </>
        )}
      </main>
      {model.copied.value && (
        <p class="popup-toast" role="status">
          {model.copied.value.done
            ? t('sshCopied', model.copied.value.text)
            : t('sshCommandIs', model.copied.value.text)}
        </p>
      )}
      {model.refused.value && (
        <p class="popup-toast refused" role="status">
          {sshRefusalText(model.refused.value)}
        </p>
      )}
    </div>
  );
}

function Presets({ model }: { model: PopupModel }) {
  const status = model.status.value;
  return (
    <section class="popup-section" aria-labelledby="popup-presets">
      <h2 id="popup-presets">{t('quickLaunch')}</h2>
      {model.presets.value.length === 0 ? (
        <p class="popup-hint">{t('popupNoPresets')}</p>
      ) : (
        <ul class="preset-list">
          {model.presets.value.map((preset) => (
            <li key={preset.id} class="preset">
              <button
                type="button"
                class="primary"
                disabled={status?.kind === 'launching'}
                onClick={() => void model.launch(preset)}
              >
                {t('quickLaunchPreset', preset.name)}
              </button>
              <button
                type="button"
                class="preset-remove"
                title={t('removePreset', preset.name)}
                aria-label={t('removePreset', preset.name)}
                onClick={() => void model.remove(preset)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {status?.kind === 'launching' && (
        <p class="popup-hint" role="status">
          {t('launching')}
        </p>
      )}
      {status?.kind === 'launched' && (
        <p class="notice ok" role="status">
          {t('quickLaunched', status.ids.join(', '))}
        </p>
      )}
      {status?.kind === 'failed' && <ErrorMessage error={status.error} />}
    </section>
  );
}

function Instances({ model }: { model: PopupModel }) {
  const list = model.instances;
  const rows = model.rows.value;
  return (
    <section class="popup-section" aria-labelledby="popup-instances">
      <h2 id="popup-instances">
        {t('popupInstances')}
        {list.loaded.value && <span class="count">{rows.length}</span>}
      </h2>
      {list.error.value && <ErrorMessage error={list.error.value} />}
      {!list.loaded.value && !list.error.value && <p class="popup-hint">{t('loading')}</p>}
      {list.loaded.value && rows.length === 0 && !list.error.value && (
        <p class="popup-hint">{t('popupNoInstances')}</p>
      )}
      {rows.length > 0 && (
        <ul class="popup-instances">
          {rows.map((row) => (
            <li key={row.id} class="popup-instance" data-instance={row.id}>
              <span class="instance-title">
                <strong>{row.name || row.id}</strong>
                {row.name && <span class="muted">{row.id}</span>}
              </span>
              <span class={`state state-${row.state}`}>{row.state}</span>
              <span class="address">{row.address || '—'}</span>
              <button
                type="button"
                title={row.ssh.ok ? row.ssh.command : sshRefusalText(row.ssh)}
                onClick={() => void model.copySsh(row.ssh)}
              >
                {t('copySshShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Outcomes({ model }: { model: PopupModel }) {
  const outcomes = model.outcomes.value;
  if (outcomes.length === 0) return null;
  return (
    <section class="popup-section" aria-labelledby="popup-recent">
      <h2 id="popup-recent">{t('recentLaunches')}</h2>
      <ul class="popup-outcomes">
        {outcomes.map((o) => (
          <li key={o.at} class={o.running ? 'outcome' : 'outcome failed'}>
            <span class="outcome-text">
              {o.running
                ? t('recentRunning', o.presetName, o.instanceIds.join(', '), o.address || '-')
                : t('recentFailed', o.presetName, o.instanceIds.join(', '))}
            </span>
            {o.ssh && (
              <button type="button" title={o.ssh} onClick={() => void model.copy(o.ssh)}>
                {t('copySshShort')}
              </button>
            )}
            {o.running && !o.ssh && o.sshRefusal && (
              <span class="outcome-text refused">{sshRefusalText(o.sshRefusal)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "i-0abc (web) has been running 27 h in PROFILE" with Stop, Open and Dismiss. */
function Reminders({ alerts }: { alerts: PopupAlerts }) {
  const list = alerts.alerts.value;
  if (list.length === 0 && !alerts.stopped.value) return null;
  return (
    <section class="popup-section" aria-labelledby="popup-reminders">
      <h2 id="popup-reminders">{t('remPopupHeading')}</h2>
      {alerts.stopped.value && (
        <p class="notice ok" role="status">
          {t('remStoppingNotice', alerts.stopped.value.join(', '))}
        </p>
      )}
      <ul class="popup-outcomes">
        {list.map((alert) => {
          const label = alert.name
            ? `${alert.instanceIds.join(', ')} (${alert.name})`
            : alert.instanceIds.join(', ');
          const busy = alerts.busy.value === alert.id;
          const error = alerts.errors.value[alert.id];
          return (
            <li key={alert.id} class="outcome reminder" data-reminder={alert.id}>
              <span class="outcome-text">
                {alert.kind === 'running'
                  ? t('remPopupRunning', label, String(alert.hours), alert.profileName)
                  : t(
                      alert.reason === 'locked'
                        ? 'remMissedLocked'
                        : alert.reason === 'failed'
                          ? 'remMissedFailed'
                          : 'remMissedClosed',
                      label,
                      new Date(alert.dueAt).toLocaleTimeString([], {
                        hour: '2-digit',
                        minute: '2-digit',
                      }),
                      alert.profileName,
                      alert.error,
                    )}
              </span>
              <button type="button" disabled={busy} onClick={() => void alerts.stop(alert)}>
                {alert.kind === 'running' ? t('remStop') : t('remStopNow')}
              </button>
              <button type="button" disabled={busy} onClick={() => void alerts.open(alert)}>
                {t('remOpen')}
              </button>
              <button
                type="button"
                disabled={busy}
                aria-label={t('remDismissLabel', label)}
                title={t('remDismissLabel', label)}
                onClick={() => void alerts.dismiss(alert)}
              >
                {t('remDismiss')}
              </button>
              {error && <ErrorMessage error={error} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
