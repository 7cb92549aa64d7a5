// "Open SSH for my address": a rule opened for a while, which the background closes by itself.
// Each rule has a record in storage.local and an alarm named after it, so a stopped worker or a
// restarted browser still closes it when due (or at once when overdue). The background signs
// these calls itself, through the same gate as a page's: only for the profile's own endpoint.

import { describeSecurityGroups, ec2Call, ec2List, type SecurityGroup } from '../cloud/ec2';
import { type RuleInput, ruleChange } from '../cloud/ec2/rule-changes';
import { CloudError, toErrorData } from '../cloud/errors';
import { hostCidr } from '../cloud/ip-address';
import type { Profile } from '../cloud/profile';
import { isRegion } from '../cloud/profile-validation';
import browser from '../shared/browser';
import type { TempAccessRequest } from '../shared/messages';
import { isTempAccessRule, type TempAccessRule, tempAccessRules } from '../storage/items';
import { backgroundSigner } from './background-signer';
import { findProfile } from './profile-store';
import {
  afterFailure,
  alarmName,
  dueAt,
  extended,
  idFromAlarm,
  isDue,
  isDuration,
  MAX_TEMP_MINUTES,
  MIN_TEMP_MINUTES,
} from './temp-access-schedule';

export const TEMP_NOTIFICATION_PREFIX = 'cirrus-temp-access:';

/** What the page is told: the new record, or that the same rule was already there (permanent). */
export interface TempAccessOpened {
  rule: TempAccessRule | null;
  existing: boolean;
}

const refuse = (code: string, message: string): never => {
  throw new CloudError({ code, message });
};

const sameKey = (a: TempAccessRule, b: TempAccessRule) =>
  a.profileId === b.profileId &&
  a.region === b.region &&
  (a.byId ? a.groupId === b.groupId : a.groupName === b.groupName) &&
  a.port === b.port &&
  a.cidr === b.cidr;

function permission(rule: TempAccessRule): RuleInput {
  const v6 = rule.cidr.includes(':');
  return {
    ipProtocol: 'tcp',
    fromPort: rule.port,
    toPort: rule.port,
    ...(v6 ? { cidrIpv6s: [rule.cidr] } : { cidrIps: [rule.cidr] }),
  };
}

const selector = (rule: TempAccessRule) =>
  rule.byId ? { groupId: rule.groupId } : { groupName: rule.groupName };

/** The profile and signer for the rule's region (the profile may show another one by now). */
async function target(rule: TempAccessRule) {
  const stored = await findProfile(rule.profileId);
  const region = stored.kind === 'aws' && rule.region ? rule.region : undefined;
  const profile: Profile = region ? { ...stored, region } : stored;
  return { profile, signer: backgroundSigner(rule.profileId, region) };
}

/** True when the group already has exactly this rule: then it is not Cirrus's to remove. */
export function hasRule(group: SecurityGroup, port: number, cidr: string): boolean {
  return group.ipPermissions.some(
    (p) =>
      p.ipProtocol === 'tcp' &&
      p.fromPort === String(port) &&
      p.toPort === String(port) &&
      (p.ipRanges.some((r) => r.cidrIp === cidr) ||
        p.ipv6Ranges.some((r) => r.cidrIpv6.toLowerCase() === cidr)),
  );
}

function checked(request: TempAccessRequest, now: number): TempAccessRule {
  const cidr = hostCidr(request.address);
  if (!cidr) refuse('InvalidAddress', `Not one IPv4 or IPv6 address: ${request.address}`);
  if (!Number.isInteger(request.port) || request.port < 1 || request.port > 65535)
    refuse('InvalidPort', `Not a port: ${request.port}`);
  if (!isDuration(request.minutes))
    refuse(
      'InvalidDuration',
      `Open for ${MIN_TEMP_MINUTES} minutes to ${MAX_TEMP_MINUTES / 60} hours, not ${request.minutes} minutes.`,
    );
  if (request.region !== '' && !isRegion(request.region))
    refuse('InvalidRegion', `Not a region name: ${request.region}`);
  const group = request.byId ? request.groupId : request.groupName;
  if (!group.trim()) refuse('InvalidGroup', 'No security group was chosen.');
  return {
    id: crypto.randomUUID(),
    profileId: request.profileId,
    region: request.region,
    instanceId: request.instanceId,
    groupId: request.groupId,
    groupName: request.groupName,
    byId: request.byId,
    port: request.port,
    cidr: cidr as string,
    openedAt: now,
    endsAt: now + request.minutes * 60_000,
    attempts: 0,
    retryAt: 0,
    lastError: '',
  };
}

async function schedule(rule: TempAccessRule): Promise<void> {
  await browser.alarms.create(alarmName(rule.id), { when: dueAt(rule) });
}

/** Every well-formed record (one of another shape cannot be revoked, and is left as it is). */
export async function listTempAccess(): Promise<TempAccessRule[]> {
  return (await tempAccessRules.get()).filter(isTempAccessRule);
}

/**
 * Adds the rule and its record. A rule the group already had is never recorded (nor later
 * removed); a refused one leaves no record behind.
 */
export async function openTempAccess(request: TempAccessRequest): Promise<TempAccessOpened> {
  const rule = checked(request, Date.now());
  const open = (await listTempAccess()).find((r) => sameKey(r, rule));
  if (open)
    refuse(
      'TempAccessAlreadyOpen',
      `This address already has temporary access there until ${new Date(open.endsAt).toLocaleTimeString()}; extend it instead.`,
    );
  const { profile, signer } = await target(rule);
  const groups = await ec2List(describeSecurityGroups, profile, signer, {
    ...(rule.byId ? { groupIds: [rule.groupId] } : { groupNames: [rule.groupName] }),
  });
  if (groups.some((g) => hasRule(g, rule.port, rule.cidr))) return { rule: null, existing: true };
  // Record and alarm before the rule exists: a worker stopped in between still closes it.
  await tempAccessRules.update((list) => [...list, rule]);
  await schedule(rule);
  try {
    await ec2Call(ruleChange('ingress', 'authorize'), profile, signer, {
      ...selector(rule),
      permissions: [permission(rule)],
    });
  } catch (e) {
    await forget(rule.id);
    // Added by someone else since the look: theirs, so not temporary.
    if (toErrorData(e).code === 'InvalidPermission.Duplicate')
      return { rule: null, existing: true };
    throw e;
  }
  return { rule, existing: false };
}

async function forget(id: string): Promise<void> {
  await tempAccessRules.update((list) => list.filter((r) => !(isTempAccessRule(r) && r.id === id)));
  await browser.alarms.clear(alarmName(id));
}

async function replace(rule: TempAccessRule): Promise<void> {
  await tempAccessRules.update((list) =>
    list.map((r) => (isTempAccessRule(r) && r.id === rule.id ? rule : r)),
  );
}

const describe = (rule: TempAccessRule) =>
  `${rule.byId ? rule.groupId : rule.groupName} tcp/${rule.port} ${rule.cidr}`;

async function notify(rule: TempAccessRule, title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create(`${TEMP_NOTIFICATION_PREFIX}${rule.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-96.png'),
      title,
      message,
    });
  } catch {
    // No notification area (a headless browser): the record and the panels still tell.
  }
}

const text = (key: string, ...subs: string[]) => browser.i18n.getMessage(key, subs) || key;

export type CloseOutcome = 'closed' | 'locked' | 'failed' | 'gone';

/** Ids being closed in this worker, so an alarm and a sweep do not revoke the same rule twice. */
const closing = new Set<string>();

/**
 * Revokes one rule. A rule removed by hand counts as closed. On its own schedule a failure keeps
 * the record and tries again later (a locked vault waits for the unlock, or the next retry); a
 * close the user asked for throws instead and leaves the record as it was.
 */
export async function closeTempAccess(id: string, byUser = false): Promise<CloseOutcome> {
  const rule = (await listTempAccess()).find((r) => r.id === id);
  if (!rule) {
    await browser.alarms.clear(alarmName(id));
    return 'gone';
  }
  if (closing.has(id)) return 'gone';
  closing.add(id);
  try {
    return await revoke(rule, byUser);
  } finally {
    closing.delete(id);
  }
}

async function revoke(rule: TempAccessRule, byUser: boolean): Promise<CloseOutcome> {
  try {
    const { profile, signer } = await target(rule);
    await ec2Call(ruleChange('ingress', 'revoke'), profile, signer, {
      ...selector(rule),
      permissions: [permission(rule)],
    });
  } catch (e) {
    const error = toErrorData(e);
    if (error.code !== 'InvalidPermission.NotFound') {
      if (byUser) throw e;
      return failed(rule, error.code, error.message);
    }
  }
  await forget(rule.id);
  await notify(
    rule,
    text('tempAccessClosedTitle'),
    text('tempAccessClosedBody', describe(rule), rule.instanceId),
  );
  return 'closed';
}

async function failed(rule: TempAccessRule, code: string, message: string): Promise<CloseOutcome> {
  const now = Date.now();
  if (code === 'NoSuchProfile') {
    // Without the profile there is no key to close it with: say so once and stop trying.
    await forget(rule.id);
    await notify(
      rule,
      text('tempAccessFailedTitle'),
      text('tempAccessProfileGone', describe(rule), rule.instanceId),
    );
    return 'failed';
  }
  const locked = code === 'KeychainLocked';
  const next = afterFailure(rule, now, locked ? code : `${code}: ${message}`);
  await replace(next);
  await schedule(next);
  // Told once per kind of failure, not at every retry.
  if (rule.attempts === 0 || !rule.lastError.startsWith(code)) {
    await notify(
      rule,
      text('tempAccessFailedTitle'),
      locked
        ? text('tempAccessLockedBody', describe(rule), rule.instanceId)
        : text('tempAccessFailedBody', describe(rule), `${code}: ${message}`),
    );
  }
  return locked ? 'locked' : 'failed';
}

/** Moves the end later; the alarm moves with it. */
export async function extendTempAccess(id: string, minutes: number): Promise<TempAccessRule> {
  if (!isDuration(minutes))
    refuse('InvalidDuration', `Extend by ${MIN_TEMP_MINUTES} minutes to 8 hours.`);
  const rule = (await listTempAccess()).find((r) => r.id === id);
  if (!rule) return refuse('NoSuchTempAccess', 'This temporary access is already closed.');
  const next = extended(rule, minutes, Date.now());
  await replace(next);
  await schedule(next);
  return next;
}

/**
 * Closes what is due or overdue and makes sure every other record has its alarm (Firefox does
 * not keep alarms over a browser restart). Runs at startup, at install, on unlock, on an alarm.
 */
export async function sweepTempAccess(options: { retryNow?: boolean } = {}): Promise<void> {
  const now = Date.now();
  for (const rule of await listTempAccess()) {
    // An unlock retries at once what waited only for it.
    const waiting = options.retryNow && rule.lastError === 'KeychainLocked' && rule.endsAt <= now;
    if (isDue(rule, now) || waiting) await closeTempAccess(rule.id);
    else if (!(await browser.alarms.get(alarmName(rule.id)))) await schedule(rule);
  }
}

/** An alarm named after a record closes that record now, then anything else overdue. */
export async function onTempAccessAlarm(alarm: { name: string }): Promise<void> {
  const id = idFromAlarm(alarm.name);
  if (!id) return;
  await closeTempAccess(id);
  await sweepTempAccess();
}
