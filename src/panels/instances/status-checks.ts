// What the status checks of one instance add up to ("2/2 passed", "1/2 failed", "initializing"),
// and its scheduled events in plain words. Pure: a row's summary is made from its status alone.

import type { InstanceStatus, ScheduledEvent, StatusSummary } from '../../cloud/ec2';
import { parseEc2Time } from '../../cloud/ec2';
import { type MessageKey, t } from '../i18n';

export type ChecksKind = 'failed' | 'insufficient' | 'initializing' | 'passed' | 'unknown';

export interface ChecksSummary {
  kind: ChecksKind;
  /** Checks that apply (system, instance, and attached EBS where the cloud has it). */
  total: number;
  passed: number;
  failed: number;
}

/** The checks of a status that apply to it: a stopped instance's are all "not-applicable". */
export function applicableChecks(status: InstanceStatus): StatusSummary[] {
  return [status.systemStatus, status.instanceStatus, status.attachedEbsStatus].filter(
    (check) => check.status !== '' && check.status !== 'not-applicable',
  );
}

export function summarizeChecks(status: InstanceStatus | undefined): ChecksSummary {
  const checks = status ? applicableChecks(status) : [];
  const count = (name: string) => checks.filter((c) => c.status === name).length;
  const summary = { total: checks.length, passed: count('ok'), failed: count('impaired') };
  if (checks.length === 0) return { kind: 'unknown', ...summary };
  // A failure is news even while another check still starts up.
  if (summary.failed > 0) return { kind: 'failed', ...summary };
  if (count('initializing') > 0) return { kind: 'initializing', ...summary };
  if (summary.passed === checks.length) return { kind: 'passed', ...summary };
  return { kind: 'insufficient', ...summary };
}

/** The column's text. */
export function checksText(summary: ChecksSummary): string {
  switch (summary.kind) {
    case 'failed':
      return t('statusChecksFailed', String(summary.failed), String(summary.total));
    case 'passed':
      return t('statusChecksPassed', String(summary.passed), String(summary.total));
    case 'initializing':
      return t('statusChecksInitializing');
    case 'insufficient':
      return t('statusChecksInsufficient');
    default:
      return t('statusChecksUnknown');
  }
}

const RANK: Record<ChecksKind, number> = {
  failed: 0,
  insufficient: 1,
  initializing: 2,
  passed: 3,
  unknown: 4,
};

/** Sorts the worst first: failures (more of them first), then doubts, then fine, then unknown. */
export function checksSortKey(summary: ChecksSummary): number {
  return RANK[summary.kind] * 10 - summary.failed;
}

const CHECK_WORDS: Record<string, MessageKey> = {
  ok: 'statusCheckOk',
  passed: 'statusCheckOk',
  impaired: 'statusCheckImpaired',
  failed: 'statusCheckImpaired',
  initializing: 'statusChecksInitializing',
  'insufficient-data': 'statusChecksInsufficient',
  'not-applicable': 'statusCheckNotApplicable',
};

/** One check's or one detail's status in words; an unknown one as the cloud sent it. */
export function checkStatusText(status: string): string {
  const key = CHECK_WORDS[status];
  return key ? t(key) : status || t('statusChecksUnknown');
}

const EVENT_WORDS: Record<string, MessageKey> = {
  'instance-reboot': 'statusEventInstanceReboot',
  'system-reboot': 'statusEventSystemReboot',
  'system-maintenance': 'statusEventSystemMaintenance',
  'instance-retirement': 'statusEventInstanceRetirement',
  'instance-stop': 'statusEventInstanceStop',
};

/** An event code in plain words; a code this version does not know, as sent. */
export function eventText(code: string): string {
  const key = EVENT_WORDS[code];
  return key ? t(key) : code;
}

/** A finished or cancelled event stays listed for a week with its description marked so. */
export function isEventOver(event: ScheduledEvent): boolean {
  return /^\s*\[(completed|canceled|cancelled)\]/i.test(event.description);
}

/** An EC2 time in the browser's local time; what was sent when it cannot be read. */
export function eventTime(raw: string): string {
  const date = parseEc2Time(raw);
  return date ? date.toLocaleString() : raw;
}

/** The events still to come, by instance id, for the notice over the list. */
export interface PendingEvent {
  instanceId: string;
  event: ScheduledEvent;
}

/** Every event not yet over, soonest first. */
export function pendingEvents(statuses: readonly InstanceStatus[]): PendingEvent[] {
  const out: PendingEvent[] = [];
  for (const status of statuses)
    for (const event of status.events)
      if (!isEventOver(event)) out.push({ instanceId: status.instanceId, event });
  const when = (p: PendingEvent) =>
    parseEc2Time(p.event.notBefore)?.getTime() ?? Number.POSITIVE_INFINITY;
  return out.sort((a, b) => when(a) - when(b));
}

/** How many events the notice names before it says "and N more". */
export const NOTICE_NAMES = 3;

/** "2 instances have scheduled events: i-… instance reboot on …" */
export function eventsNoticeText(pending: readonly PendingEvent[]): string {
  const instances = new Set(pending.map((p) => p.instanceId)).size;
  const named = pending
    .slice(0, NOTICE_NAMES)
    .map((p) =>
      p.event.notBefore
        ? t(
            'statusEventsNoticeItem',
            p.instanceId,
            eventText(p.event.code),
            eventTime(p.event.notBefore),
          )
        : t('statusEventsNoticeItemUndated', p.instanceId, eventText(p.event.code)),
    );
  const more = pending.length - named.length;
  const list =
    more > 0 ? `${named.join('; ')}; ${t('statusEventsMore', String(more))}` : named.join('; ');
  return instances === 1
    ? t('statusEventsNoticeOne', list)
    : t('statusEventsNoticeMany', String(instances), list);
}
