// The one declaration of every message a page can send to the background.
// The background's handler object `satisfies Handlers`; pages use `call()` from ./call.ts.

import type { BundleStorage } from '../cloud/ec2/operations/bundle-tasks';
import type { Service } from '../cloud/endpoints';
import type { CloudErrorData } from '../cloud/errors';
import type { Profile, Secret } from '../cloud/profile';
import type { HttpRequest } from '../cloud/request';
import type { PublicSession } from '../cloud/temporary-credentials';
import type {
  LaunchPreset,
  PresetUserData,
  ReminderAlert,
  RunningReminder,
  StopSchedule,
  TempAccessRule,
} from '../storage/items';

type None = Record<string, never>;

/** The shortest passphrase the background accepts, for the vault and for backups alike. */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * A backup with secrets needs the user's consent: the vault passphrase when one is set, else
 * `confirmed: true`, sent only after the page showed what is exported and the user agreed.
 */
export interface BackupExportArgs {
  /** Seals the secrets into the file; without it the file holds profiles only. */
  passphrase?: string;
  vaultPassphrase?: string;
  confirmed?: boolean;
}

export interface KeychainView {
  hasPassphrase: boolean;
  locked: boolean;
  autoLockMinutes: number;
}

export interface ProfilesView {
  profiles: Profile[];
  currentId: string | null;
  /** Server clock minus local clock per profile id, in milliseconds. */
  clockOffsets: Record<string, number>;
  keychain: KeychainView;
}

/** A profile to save with its secret; a missing secret keeps the one already stored. */
export interface ProfileInput {
  profile: Profile;
  secret?: Secret;
}

/** A rule to open for a while (see src/background/temp-access.ts, which checks every field). */
export interface TempAccessRequest {
  profileId: string;
  /** The region the panel shows; '' for the profile's own. */
  region: string;
  instanceId: string;
  groupId: string;
  groupName: string;
  /** Name the group by id (a VPC group) or by name (Eucalyptus, EC2-Classic). */
  byId: boolean;
  port: number;
  /** One address, alone or as its /32 or /128. */
  address: string;
  minutes: number;
}

/** A profile's MFA (or login) session and assumed role, when it has them: never their keys. */
export interface StsSessionsView {
  base: PublicSession | null;
  role: PublicSession | null;
}

/** A password sign-in as a page sees it: who, and until when (page clock); never the keys. */
export interface SignInView {
  /** USER@ACCOUNT */
  label: string;
  /** ISO 8601 */
  expiration: string;
  /** When the session was issued (ISO 8601), for when to ask again. */
  issued?: string;
}

export interface Messages {
  /** Round-trip check; `calls` is kept in storage.session, so it survives a stopped worker. */
  ping: { args: { echo: string }; result: { echo: string; worker: string; calls: number } };
  /** Opens (or focuses) the full panel in a browser tab. */
  openPanel: { args: None; result: { tabId: number | null } };

  profilesList: { args: None; result: ProfilesView };
  /** An empty id saves a new profile. */
  profileSave: { args: ProfileInput; result: { profile: Profile } };
  profileDuplicate: { args: { id: string }; result: { profile: Profile } };
  profileDelete: { args: { id: string }; result: None };
  profileSetCurrent: { args: { id: string }; result: None };
  profilesImport: { args: { items: ProfileInput[] }; result: { profiles: Profile[] } };

  keychainUnlock: { args: { passphrase: string }; result: KeychainView };
  keychainLock: { args: None; result: KeychainView };
  keychainSetPassphrase: { args: { passphrase: string; current?: string }; result: KeychainView };
  keychainRemovePassphrase: { args: { current: string }; result: KeychainView };
  settingsUpdate: { args: { autoLockMinutes: number }; result: KeychainView };

  /** A backup file; secrets are inside it only when a passphrase seals them. */
  backupExport: { args: BackupExportArgs; result: { fileName: string; json: string } };
  backupImport: { args: { json: string; passphrase?: string }; result: { profiles: Profile[] } };

  /** Signs a request for a profile's service; the page gets headers, never the secret. */
  sign: {
    args: { profileId: string; service: Service; request: HttpRequest; region?: string };
    result: HttpRequest;
  };
  /** Presigned URLs for a batch of requests (an upload's parts), with one storage read for all. */
  presign: {
    args: {
      profileId: string;
      service: Service;
      requests: HttpRequest[];
      expiresSeconds: number;
      region?: string;
    };
    result: { urls: string[] };
  };
  /** The server's clock as seen in a response Date header; later signatures use it. */
  clockObserved: {
    args: { profileId: string; serverTime: number; localTime: number };
    result: { offsetMs: number };
  };
  /**
   * BundleInstance's Storage.S3 for a bucket and prefix: the background writes the upload policy
   * (that bucket, that prefix, a day) and signs it with the profile's secret; the page gets the
   * policy and its signature, never the secret.
   */
  bundleUploadPolicy: {
    args: { profileId: string; bucket: string; prefix: string };
    result: BundleStorage;
  };
  /** Saves a launch preset; its user data is sealed with the vault when a passphrase is set. */
  presetSave: { args: { preset: LaunchPreset }; result: { sealed: boolean } };
  /** A preset's user data, opened for one quick launch (sealed presets keep it in the background). */
  presetUserData: { args: { id: string }; result: PresetUserData };
  /** Quick launch: follow these new instances and notify when they run (survives the popup). */
  watchLaunch: {
    args: { profileId: string; instanceIds: string[]; presetName: string };
    result: None;
  };
  /**
   * Opens a rule for `minutes` and records it for the background to close. `existing`: the group
   * already had this rule, so it is permanent and nothing was recorded.
   */
  tempAccessOpen: {
    args: TempAccessRequest;
    result: { rule: TempAccessRule | null; existing: boolean };
  };
  /** The temporary rules still open (or still to be closed), every profile. */
  tempAccessList: { args: None; result: { rules: TempAccessRule[] } };
  /** Closes one now; a refusal comes back and the record stays. */
  tempAccessClose: { args: { id: string }; result: None };
  /** Moves its end later by `minutes` (at most 8 hours from now). */
  tempAccessExtend: { args: { id: string; minutes: number }; result: { rule: TempAccessRule } };

  /** The profile's MFA session and role, without their keys. */
  stsSessions: { args: { profileId: string }; result: StsSessionsView };
  /** GetSessionToken with the MFA device's code; the keys stay in the background. */
  stsStartMfa: {
    args: { profileId: string; code: string; durationSeconds: number };
    result: StsSessionsView;
  };
  /** Forgets the MFA session and any role taken with it. */
  stsEndMfa: { args: { profileId: string }; result: StsSessionsView };
  /**
   * AssumeRole for one of the profile's roles; `code` when the profile has an MFA device and no
   * MFA session. Every later request of the profile is signed as the role.
   */
  stsAssumeRole: {
    args: { profileId: string; roleArn: string; code?: string; durationSeconds?: number };
    result: StsSessionsView;
  };
  /** Back to the profile: forgets the role's keys. */
  stsDropRole: { args: { profileId: string }; result: StsSessionsView };
  /**
   * Eucalyptus password sign-in: the background calls GetAccessToken, keeps the temporary keys
   * in storage.session and answers who and until when. The password is neither kept nor logged.
   */
  signIn: {
    args: { profileId: string; password: string; durationSeconds: number };
    result: SignInView;
  };
  /** Forgets the profile's session (its temporary keys). */
  signOut: { args: { profileId: string }; result: None };
  /** The profile's password session, or null. */
  signInStatus: { args: { profileId: string }; result: { session: SignInView | null } };
  // Reminders about running instances and scheduled stops (src/background/reminders.ts,
  // reminder-alerts.ts, stop-schedules.ts).
  /** Every profile's reminder, the alerts waiting for the user, and the scheduled stops. */
  remindersView: {
    args: None;
    result: {
      reminders: Record<string, RunningReminder>;
      alerts: ReminderAlert[];
      schedules: StopSchedule[];
    };
  };
  /** Sets a profile's "running longer than `hours`" reminder; null removes it. */
  reminderSet: {
    args: { profileId: string; hours: number | null };
    result: { reminders: Record<string, RunningReminder> };
  };
  /** Stop it / Stop now: stops the alert's instances; a refusal comes back and the alert stays. */
  reminderAlertStop: { args: { id: string }; result: { instanceIds: string[] } };
  /** Opens the panel on the alert's instance (and its profile). */
  reminderAlertOpen: { args: { id: string }; result: None };
  reminderAlertDismiss: { args: { id: string }; result: None };
  /** Stops `instanceIds` on `days` (0 = Sunday) at local `time` ("HH:MM") from now on. */
  stopScheduleSave: {
    args: {
      profileId: string;
      /** The region the panel shows; '' for the profile's own. */
      region: string;
      instanceIds: string[];
      days: number[];
      time: string;
    };
    result: { schedule: StopSchedule };
  };
  stopScheduleRemove: { args: { id: string }; result: None };
}

/** What "Schedule stop…" sends (see src/background/stop-schedules.ts, which checks every field). */
export type StopScheduleRequest = Messages['stopScheduleSave']['args'];

export type MessageName = keyof Messages;
export type MessageArgs<K extends MessageName> = Messages[K]['args'];
export type MessageResult<K extends MessageName> = Messages[K]['result'];

export type Handlers = {
  [K in MessageName]: (args: MessageArgs<K>) => Promise<MessageResult<K>>;
};

/** What travels over runtime.sendMessage; the marker keeps foreign messages out. */
export interface Envelope<K extends MessageName = MessageName> {
  cirrus: 1;
  name: K;
  args: MessageArgs<K>;
  /**
   * Sent while the page had a fresh user gesture (a click, a key): only such messages push the
   * auto-lock back, so polling and timers never keep the keychain open.
   */
  activity?: true;
}

/** Messages that are never the user's activity, whatever the page says (reads, the clock). */
export const NOT_ACTIVITY: ReadonlySet<MessageName> = new Set<MessageName>([
  'ping',
  'profilesList',
  'clockObserved',
  'keychainLock',
  'tempAccessList',
  'stsSessions',
  'signInStatus',
  'remindersView',
]);

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: CloudErrorData };

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.cirrus === 1 && typeof m.name === 'string' && typeof m.args === 'object';
}
