import { useEffect, useState } from 'preact/hooks';
import { usesPlainHttp } from '../../cloud/endpoints';
import type { Profile } from '../../cloud/profile';
import browser from '../../shared/browser';
import { call } from '../../shared/call';
import type { ProfilesView } from '../../shared/messages';
import { remoteSigner } from '../../shared/remote-signer';
import { t } from '../i18n';
import { HttpWarning } from './http-warning';
import { lazyComponent } from './lazy-component';

// Fetched only for a profile with an MFA device or roles.
const RoleSwitcher = lazyComponent(() => import('./role-switcher').then((m) => m.RoleSwitcher));

/** Regions an AWS profile can switch to, from DescribeRegions; other clouds have the one region. */
function useRegions(profile: Profile | undefined): { regions: string[]; problem: string | null } {
  const [state, setState] = useState<{
    id: string;
    regions: string[];
    problem: string | null;
  } | null>(null);
  useEffect(() => {
    if (profile?.kind !== 'aws') return;
    let live = true;
    // Loaded on demand: the XML client is not part of the shell's first paint.
    import('../../cloud/regions')
      .then(({ describeRegions }) => describeRegions(profile, remoteSigner(profile.id)))
      .then(
        (regions) => live && setState({ id: profile.id, regions, problem: null }),
        (error: { message?: string }) =>
          live &&
          setState({ id: profile.id, regions: [], problem: error.message ?? String(error) }),
      );
    return () => {
      live = false;
    };
  }, [profile?.id, profile?.kind]);
  if (!profile) return { regions: [], problem: null };
  const listed = state?.id === profile.id ? state.regions : [];
  const regions = listed.includes(profile.region) ? listed : [profile.region, ...listed];
  return { regions, problem: state?.id === profile.id ? state.problem : null };
}

/**
 * The header's profile and region switchers; they follow changes made in any Cirrus page.
 * `withRoles`: the role switcher too, for a profile with an MFA device or roles (the panel's header).
 */
export function ProfileSwitcher({ withRoles = false }: { withRoles?: boolean }) {
  const [view, setView] = useState<ProfilesView | null>(null);

  useEffect(() => {
    const load = () => call('profilesList', {}).then(setView, () => setView(null));
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'profiles' in changes) void load();
    };
    void load();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const profiles = view?.profiles ?? [];
  const current = profiles.find((p) => p.id === view?.currentId);
  const { regions, problem } = useRegions(current);
  // A switch that fails (a locked keychain, a stopped background) says so instead of snapping back.
  const [failure, setFailure] = useState<string | null>(null);
  const attempt = (change: Promise<unknown>) => {
    setFailure(null);
    change.catch((error: { code?: string; message?: string }) =>
      setFailure(
        error.code === 'KeychainLocked'
          ? t('hintKeychainLocked')
          : t('switchFailed', error.message ?? String(error)),
      ),
    );
  };

  function switchRegion(region: string) {
    if (current?.kind === 'aws') attempt(call('profileSave', { profile: { ...current, region } }));
  }

  return (
    <>
      <label class="switcher">
        <span>{t('profileSwitcherLabel')}</span>
        <select
          disabled={profiles.length === 0}
          value={current?.id ?? ''}
          onChange={(e) => attempt(call('profileSetCurrent', { id: e.currentTarget.value }))}
        >
          {profiles.length === 0 && <option value="">{t('profileNone')}</option>}
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label class="switcher">
        <span>{t('regionSwitcherLabel')}</span>
        <select
          disabled={current?.kind !== 'aws'}
          value={current?.region ?? ''}
          title={problem ? t('regionsUnavailable', problem) : undefined}
          onChange={(e) => switchRegion(e.currentTarget.value)}
        >
          {!current && <option value="">{t('regionNone')}</option>}
          {regions.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </label>
      {current && usesPlainHttp(current) && <HttpWarning compact />}
      {withRoles &&
      current &&
      current.kind !== 's3' &&
      (current.mfaSerial || current.roles?.length) ? (
        <RoleSwitcher key={current.id} profile={current} />
      ) : null}
      {failure && (
        <p class="switcher-failure" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
