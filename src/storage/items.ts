// Every storage item Cirrus keeps, in one place.
import { MAX_CLOCK_OFFSET_MS } from '../cloud/clock';
import type { SshRefusal } from '../cloud/ec2/ssh';
import type { CloudErrorData } from '../cloud/errors';
import type { RegionSummary } from '../cloud/overview';
import type { Profile } from '../cloud/profile';
import type { ProfileSessions } from '../cloud/temporary-credentials';

import { browserArea } from './browser-areas';
import { defineItem } from './item';

/** Last tab the user had open in the panel; a new user starts on the Overview. */
export const lastTab = defineItem(
  {
    key: 'ui.lastTab',
    version: 1,
    defaultValue: 'overview',
    validate: (v): v is string => typeof v === 'string',
  },
  browserArea('local'),
);

/** Background bookkeeping that must outlive a stopped service worker but not a browser restart. */
export const workerState = defineItem(
  {
    key: 'worker.state',
    version: 1,
    defaultValue: { calls: 0 },
    validate: (v): v is { calls: number } =>
      typeof v === 'object' && v !== null && typeof (v as { calls?: unknown }).calls === 'number',
  },
  browserArea('session'),
);

/**
 * Temporary credentials per profile id (password login, MFA session, assumed role). Session
 * storage only: a browser restart signs out, and nothing of them reaches storage.local or sync.
 * Only the background reads or writes this item.
 */
export const sessionCredentials = defineItem<Record<string, ProfileSessions>>(
  {
    key: 'session.credentials',
    version: 1,
    defaultValue: {},
    validate: (v): v is Record<string, ProfileSessions> =>
      typeof v === 'object' && v !== null && !Array.isArray(v),
  },
  browserArea('session'),
);

export interface ProfilesState {
  profiles: Profile[];
  currentId: string | null;
}

/** Profiles without their secrets (those live in the keychain). */
export const profilesState = defineItem<ProfilesState>(
  {
    key: 'profiles',
    version: 1,
    defaultValue: { profiles: [], currentId: null },
    validate: (v): v is ProfilesState =>
      typeof v === 'object' && v !== null && Array.isArray((v as ProfilesState).profiles),
  },
  browserArea('local'),
);

/** Server clock minus local clock per profile, learned from response Date headers. */
export const clockOffsets = defineItem<Record<string, number>>(
  {
    key: 'clock.offsets',
    version: 2,
    defaultValue: {},
    migrations: {
      // v2 bounds the offset to ±1 hour; one learned before (from any answer) beyond that is
      // dropped, so signing starts again from this computer's clock.
      2: (previous) =>
        Object.fromEntries(
          Object.entries((previous ?? {}) as Record<string, unknown>).filter(
            ([, ms]) =>
              typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_CLOCK_OFFSET_MS,
          ),
        ),
    },
  },
  browserArea('local'),
);

export interface Settings {
  /** Lock the keychain after this many idle minutes; 0 never locks. */
  autoLockMinutes: number;
}

export const settings = defineItem<Settings>(
  { key: 'settings', version: 1, defaultValue: { autoLockMinutes: 30 } },
  browserArea('local'),
);

export interface TablePrefs {
  /** Visible column ids, in order. */
  columns: string[];
  sort: { column: string; desc: boolean } | null;
}

/** Column choice and sort order per table (e.g. "instances"). */
export const tablePrefs = defineItem<Record<string, TablePrefs>>(
  { key: 'ui.tables', version: 1, defaultValue: {} },
  browserArea('local'),
);

/** AES-GCM under the vault's key, as src/background/vault.ts seals it; only the background opens it. */
export interface SealedValue {
  salt: string;
  iterations: number;
  iv: string;
  ciphertext: string;
}

/** A preset's user data (often bootstrap secrets): the launch form's two user data fields. */
export interface PresetUserData {
  userData: string;
  userDataFile: unknown;
}

export interface LaunchPreset {
  id: string;
  name: string;
  profileId: string;
  /**
   * The launch dialog's form (src/panels/launch/launch-form.ts), kept as the user left it; its
   * user data fields are empty while `sealedUserData` holds them. Fields added later (subnet,
   * disks) need no migration: launchFormFrom() reads a stored form over today's defaults.
   */
  form: Record<string, unknown>;
  /** The form's user data sealed with the vault, when a passphrase is set (absent before that). */
  sealedUserData?: SealedValue;
}

/** Named launches for quick launch from the toolbar. */
export const launchPresets = defineItem<LaunchPreset[]>(
  {
    key: 'launch.presets',
    version: 1,
    defaultValue: [],
    validate: (v): v is LaunchPreset[] => Array.isArray(v),
  },
  browserArea('local'),
);

export interface LaunchWatch {
  id: string;
  profileId: string;
  instanceIds: string[];
  /** When the watch began (epoch ms); a watch gives up after an hour. */
  since: number;
  presetName: string;
}

/** Quick launches the background follows until their instances run; outlives a stopped worker. */
export const launchWatches = defineItem<LaunchWatch[]>(
  {
    key: 'launch.watches',
    version: 1,
    defaultValue: [],
    validate: (v): v is LaunchWatch[] => Array.isArray(v),
  },
  browserArea('local'),
);

export interface LaunchOutcome {
  /** What a launch notification passes to the panel (absent on outcomes kept before it existed). */
  id?: string;
  presetName: string;
  instanceIds: string[];
  running: boolean;
  /** Public address (or DNS name) of the first running instance; '' when none. */
  address: string;
  ssh: string;
  /** Why `ssh` is empty for a running launch: no address yet, or a host name that is not one. */
  sshRefusal?: SshRefusal;
  at: number;
}

// An SSH command as v1 stored it, unquoted: kept only when no word needed quoting.
const PLAIN_SSH = /^ssh(?: -i [\w@%+=:,./-]+)? [\w%+=,.-]+@[\w.:-]+$/;

/** The last quick launches and how they ended, for the popup (notifications can be missed). */
export const launchOutcomes = defineItem<LaunchOutcome[]>(
  {
    key: 'launch.outcomes',
    version: 2,
    migrations: {
      // v2 quotes every word of the SSH command; a v1 command with shell syntax in it (a key
      // pair named `k;curl …|sh`) is dropped rather than offered for copying.
      2: (previous) =>
        Array.isArray(previous)
          ? previous.map((o: LaunchOutcome) => ({
              ...o,
              ssh: typeof o?.ssh === 'string' && PLAIN_SSH.test(o.ssh) ? o.ssh : '',
            }))
          : previous,
    },
    defaultValue: [],
    validate: (v): v is LaunchOutcome[] => Array.isArray(v),
  },
  browserArea('local'),
);

export interface ResumableUpload {
  /** AWS multipart upload id; also the record's identity. */
  uploadId: string;
  profileId: string;
  bucket: string;
  key: string;
  /** The file it came from: dropping a file with the same name, size and date resumes it. */
  file: { name: string; size: number; lastModified: number };
  /** Parts must be cut the same way when resuming. */
  partSize: number;
  /** Parts known finished (for the list); ListParts says which when resuming. */
  partsDone: number;
  partsTotal: number;
  /** Epoch ms of the last change. */
  at: number;
}

/**
 * Multipart uploads in progress or put off with "Resume later", by upload id. Kept from the
 * start so that parts left by a closed page are listed (to resume or discard), never forgotten.
 */
export const resumableUploads = defineItem<Record<string, ResumableUpload>>(
  {
    key: 's3.resumable',
    version: 1,
    defaultValue: {},
    validate: (v): v is Record<string, ResumableUpload> =>
      typeof v === 'object' && v !== null && !Array.isArray(v),
  },
  browserArea('local'),
);

/** A security group rule that Cirrus opened for a while and closes by itself (one per rule). */
export interface TempAccessRule {
  id: string;
  profileId: string;
  /** The region the rule was opened in (the profile may have moved to another since). */
  region: string;
  instanceId: string;
  /** By id in a VPC, by name on Eucalyptus and EC2-Classic: the way the calls name it. */
  groupId: string;
  groupName: string;
  byId: boolean;
  port: number;
  /** One host: a.b.c.d/32 or an IPv6 /128. */
  cidr: string;
  openedAt: number;
  /** When the rule is closed (epoch ms). */
  endsAt: number;
  /** Failed attempts to close it so far; the next one waits longer. */
  attempts: number;
  /** When the next attempt is due after a failure (epoch ms); 0 before any failure. */
  retryAt: number;
  /** Why the last attempt failed, in the server's words ('' before any failure). */
  lastError: string;
}

export function isTempAccessRule(v: unknown): v is TempAccessRule {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const strings = ['id', 'profileId', 'region', 'instanceId', 'groupId', 'groupName', 'cidr'];
  const numbers = ['port', 'openedAt', 'endsAt', 'attempts', 'retryAt'];
  return (
    strings.every((k) => typeof r[k] === 'string') &&
    numbers.every((k) => typeof r[k] === 'number' && Number.isFinite(r[k])) &&
    typeof r.byId === 'boolean' &&
    typeof r.lastError === 'string'
  );
}

/**
 * Temporary SSH/RDP rules the background must close; they outlive the worker and a browser
 * restart. v1 is the first shape; a record of another shape is skipped (it cannot be revoked).
 */
export const tempAccessRules = defineItem<TempAccessRule[]>(
  {
    key: 'tempAccess.rules',
    version: 1,
    defaultValue: [],
    validate: (v): v is TempAccessRule[] => Array.isArray(v),
  },
  browserArea('local'),
);

export interface TempAccessSettings {
  /** A checkip-style URL the user chose; '' until then (nothing is asked without one). */
  checkIpUrl: string;
}

export const tempAccessSettings = defineItem<TempAccessSettings>(
  {
    key: 'tempAccess.settings',
    version: 1,
    defaultValue: { checkIpUrl: '' },
    validate: (v): v is TempAccessSettings =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as TempAccessSettings).checkIpUrl === 'string',
  },
  browserArea('local'),
);

export interface GraphPrefs {
  /** A GraphRange ('1h' … '14d'); checked where it is read, so an unknown one falls back. */
  range: string;
  /** Whether the details pane shows graphs (they cost CloudWatch calls and the chart's code). */
  open: boolean;
}

/** The CloudWatch graphs' range and whether they are shown, for every instance and volume. */
export const graphPrefs = defineItem<GraphPrefs>(
  {
    key: 'graphs.prefs',
    version: 1,
    defaultValue: { range: '1h', open: false },
    validate: (v): v is GraphPrefs =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as GraphPrefs).range === 'string' &&
      typeof (v as GraphPrefs).open === 'boolean',
  },
  browserArea('local'),
);

/** One row of the Overview as last fetched, for the next first paint (src/panels/overview). */
export interface OverviewCacheEntry {
  profileId: string;
  profileName: string;
  /** One region's EC2 counts, the profile's buckets, or its list of regions (when that failed). */
  kind: 'region' | 'buckets' | 'regions';
  /** '' for buckets and regions. */
  region: string;
  /** When it was fetched, ms since the epoch. */
  at: number;
  summary?: RegionSummary;
  buckets?: number;
  error?: CloudErrorData;
}

/** Answers of the last Overview, in storage.session: gone when the browser closes. */
export const overviewCache = defineItem<OverviewCacheEntry[]>(
  {
    key: 'overview.cache',
    version: 1,
    defaultValue: [],
    validate: (v): v is OverviewCacheEntry[] => Array.isArray(v),
  },
  browserArea('session'),
);

/** "Notify me when an instance has been running longer than N hours", for one profile. */
export interface RunningReminder {
  /** Whole hours, 0 (every running instance) to MAX_REMINDER_HOURS. */
  hours: number;
}

/** Reminders about running instances, by profile id; a profile without an entry has none. */
export const runningReminders = defineItem<Record<string, RunningReminder>>(
  {
    key: 'reminders.running',
    version: 1,
    defaultValue: {},
    validate: (v): v is Record<string, RunningReminder> =>
      typeof v === 'object' && v !== null && !Array.isArray(v),
  },
  browserArea('local'),
);

/**
 * What was already said, so an instance is named at most once a day: "profileId instanceId
 * YYYY-MM-DD" (the local date) → when. Entries older than two days are dropped at each check.
 */
export const remindersNotified = defineItem<Record<string, number>>(
  {
    key: 'reminders.notified',
    version: 1,
    defaultValue: {},
    validate: (v): v is Record<string, number> =>
      typeof v === 'object' && v !== null && !Array.isArray(v),
  },
  browserArea('local'),
);

/**
 * Something the user should act on, kept until acted on or dismissed: shown in the popup (where a
 * notification has no buttons, or was missed) and behind a notification's Stop it / Open.
 */
export interface ReminderAlert {
  id: string;
  /** 'running': longer than the profile's reminder; 'missed': a scheduled stop did not run. */
  kind: 'running' | 'missed';
  profileId: string;
  /** Shown as it was when the alert was made (the profile may be renamed or gone by now). */
  profileName: string;
  /** The region the instances are in ('' for the profile's own). */
  region: string;
  instanceIds: string[];
  /** The Name tag of the first instance, '' when none. */
  name: string;
  /** 'running': whole hours it had been running. */
  hours: number;
  /** 'missed': the time the stop was due (epoch ms); 0 otherwise. */
  dueAt: number;
  /**
   * 'missed': why it did not run: 'closed' (the browser was not running), 'locked' (the vault),
   * 'failed' (the cloud refused; `error` says how).
   */
  reason: '' | 'closed' | 'locked' | 'failed';
  error: string;
  at: number;
  /** Its notification was shown; one kept by a worker stopped before that is shown at the next look. */
  told: boolean;
}

export const reminderAlerts = defineItem<ReminderAlert[]>(
  {
    key: 'reminders.alerts',
    version: 1,
    defaultValue: [],
    validate: (v): v is ReminderAlert[] => Array.isArray(v),
  },
  browserArea('local'),
);

/** Stop these instances on these days at this local time. */
export interface StopSchedule {
  id: string;
  profileId: string;
  /** The region the instances are in ('' for the profile's own). */
  region: string;
  instanceIds: string[];
  /** Days of the week, 0 = Sunday … 6 = Saturday, ascending. */
  days: number[];
  /** Local time "HH:MM" (24-hour). */
  time: string;
  /** The next stop (epoch ms), computed in local time; the alarm is set for it. */
  nextAt: number;
  createdAt: number;
}

export function isStopSchedule(v: unknown): v is StopSchedule {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    ['id', 'profileId', 'region', 'time'].every((k) => typeof s[k] === 'string') &&
    ['nextAt', 'createdAt'].every((k) => typeof s[k] === 'number') &&
    Array.isArray(s.instanceIds) &&
    s.instanceIds.every((i) => typeof i === 'string') &&
    Array.isArray(s.days) &&
    s.days.every((d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6)
  );
}

/** Scheduled stops; they outlive the worker and a browser restart. */
export const stopSchedules = defineItem<StopSchedule[]>(
  {
    key: 'reminders.stopSchedules',
    version: 1,
    defaultValue: [],
    validate: (v): v is StopSchedule[] => Array.isArray(v),
  },
  browserArea('local'),
);
