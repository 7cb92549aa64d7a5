import { CloudError } from '../cloud/errors';
import { type Handlers, MIN_PASSPHRASE_LENGTH } from '../shared/messages';
import { runningReminders, settings, workerState } from '../storage/items';
import { touchAutoLock } from './auto-lock';
import { exportBackup, importBackup } from './backup';
import { watchLaunch } from './launch-watch';
import { openPanelTab } from './open-panel';
import { signInStatus, signInWithPassword, signOut } from './password-sign-in';
import { presetUserData, savePreset, sealPresets, unsealPresets } from './preset-vault';
import {
  deleteProfile,
  duplicateProfile,
  importProfiles,
  keychainView,
  listProfiles,
  saveProfile,
  setCurrentProfile,
} from './profile-store';
import { dismissAlert, listAlerts, openFromAlert, stopFromAlert } from './reminder-alerts';
import { checkReminders, setReminder } from './reminders';
import {
  dropRole,
  endMfaSession,
  startMfaSession,
  stsSessionsView,
  switchRole,
} from './role-sessions';
import { keychain } from './services';
import { bundleStorageFor, observeClock, presignFor, signFor } from './signer';
import { listStopSchedules, removeStopSchedule, saveStopSchedule } from './stop-schedules';
import {
  closeTempAccess,
  extendTempAccess,
  listTempAccess,
  openTempAccess,
  sweepTempAccess,
} from './temp-access';

/** Identifies this run of the worker; a restarted worker gets a new one. */
const worker = crypto.randomUUID();

export const handlers = {
  async ping({ echo }) {
    const { calls } = await workerState.update((s) => ({ calls: s.calls + 1 }));
    return { echo, worker, calls };
  },
  async openPanel() {
    return { tabId: await openPanelTab() };
  },

  profilesList: () => listProfiles(),
  async profileSave(input) {
    return { profile: await saveProfile(input) };
  },
  async profileDuplicate({ id }) {
    return { profile: await duplicateProfile(id) };
  },
  async profileDelete({ id }) {
    await deleteProfile(id);
    return {};
  },
  async profileSetCurrent({ id }) {
    await setCurrentProfile(id);
    return {};
  },
  async profilesImport({ items }) {
    return { profiles: await importProfiles(items) };
  },

  async keychainUnlock({ passphrase }) {
    await keychain.unlock(passphrase);
    await sealPresets(keychain);
    await touchAutoLock(true);
    // Temporary rules that waited for the vault are closed now, without holding up the unlock.
    void sweepTempAccess({ retryNow: true }).catch(() => undefined);
    // Reminders wait silently while the vault is locked: look now.
    void checkReminders().catch(() => undefined);
    return keychainView();
  },
  async keychainLock() {
    await keychain.lock();
    return keychainView();
  },
  async keychainSetPassphrase({ passphrase, current }) {
    // The page asks for the same minimum; this is the gate any page must pass.
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new CloudError({
        code: 'PassphraseTooShort',
        message: `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      });
    }
    // A change of passphrase changes the key: presets are opened with the old one first.
    if ((await keychain.status()).hasPassphrase) {
      await keychain.unlock(current ?? '');
      await unsealPresets(keychain);
    }
    await keychain.setPassphrase(passphrase, current);
    await sealPresets(keychain);
    await touchAutoLock(true);
    return keychainView();
  },
  async keychainRemovePassphrase({ current }) {
    await keychain.unlock(current);
    await unsealPresets(keychain);
    await keychain.removePassphrase(current);
    await touchAutoLock(true);
    return keychainView();
  },
  async settingsUpdate({ autoLockMinutes }) {
    await settings.update((s) => ({
      ...s,
      autoLockMinutes: Math.max(0, Math.round(autoLockMinutes)),
    }));
    await touchAutoLock(true);
    return keychainView();
  },

  backupExport: (args) => exportBackup(args),
  async backupImport({ json, passphrase }) {
    return { profiles: await importBackup(json, passphrase) };
  },

  sign: ({ profileId, service, request, region }) => signFor(profileId, service, request, region),
  async presign({ profileId, service, requests, expiresSeconds, region }) {
    return { urls: await presignFor(profileId, service, requests, expiresSeconds, region) };
  },
  async clockObserved({ profileId, serverTime, localTime }) {
    return { offsetMs: await observeClock(profileId, serverTime, localTime) };
  },
  bundleUploadPolicy: ({ profileId, bucket, prefix }) =>
    bundleStorageFor(profileId, bucket, prefix),
  presetSave: ({ preset }) => savePreset(preset, keychain),
  presetUserData: ({ id }) => presetUserData(id, keychain),
  async watchLaunch(watch) {
    await watchLaunch(watch);
    return {};
  },
  tempAccessOpen: (request) => openTempAccess(request),
  async tempAccessList() {
    return { rules: await listTempAccess() };
  },
  async tempAccessClose({ id }) {
    await closeTempAccess(id, true);
    return {};
  },
  async tempAccessExtend({ id, minutes }) {
    return { rule: await extendTempAccess(id, minutes) };
  },

  stsSessions: ({ profileId }) => stsSessionsView(profileId),
  stsStartMfa: ({ profileId, code, durationSeconds }) =>
    startMfaSession(profileId, code, durationSeconds),
  stsEndMfa: ({ profileId }) => endMfaSession(profileId),
  stsAssumeRole: ({ profileId, roleArn, code, durationSeconds }) =>
    switchRole(profileId, roleArn, code, durationSeconds),
  stsDropRole: ({ profileId }) => dropRole(profileId),
  signIn: ({ profileId, password, durationSeconds }) =>
    signInWithPassword(profileId, password, durationSeconds),
  async signOut({ profileId }) {
    await signOut(profileId);
    return {};
  },
  async signInStatus({ profileId }) {
    return { session: await signInStatus(profileId) };
  },
  async remindersView() {
    const [reminders, alerts, schedules] = await Promise.all([
      runningReminders.get(),
      listAlerts(),
      listStopSchedules(),
    ]);
    return { reminders, alerts, schedules };
  },
  async reminderSet({ profileId, hours }) {
    return { reminders: await setReminder(profileId, hours) };
  },
  async reminderAlertStop({ id }) {
    return { instanceIds: await stopFromAlert(id) };
  },
  async reminderAlertOpen({ id }) {
    await openFromAlert(id);
    return {};
  },
  async reminderAlertDismiss({ id }) {
    await dismissAlert(id);
    return {};
  },
  async stopScheduleSave(request) {
    return { schedule: await saveStopSchedule(request) };
  },
  async stopScheduleRemove({ id }) {
    await removeStopSchedule(id);
    return {};
  },
} satisfies Handlers;
