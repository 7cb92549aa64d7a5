import '../../support/fake-browser';
import { afterEach, expect, test, vi } from 'vitest';
import type { InstanceStatus, ScheduledEvent, StatusSummary } from '../../../src/cloud/ec2';
import {
  checksSortKey,
  checksText,
  eventsNoticeText,
  eventText,
  isEventOver,
  pendingEvents,
  summarizeChecks,
} from '../../../src/panels/instances/status-checks';
import browser from '../../../src/shared/browser';

const check = (status: string): StatusSummary => ({ status, details: [] });

function status(
  instanceId: string,
  system: string,
  instance: string,
  more: Partial<InstanceStatus> = {},
): InstanceStatus {
  return {
    instanceId,
    availabilityZone: 'us-east-1a',
    instanceState: { code: '16', name: 'running' },
    systemStatus: check(system),
    instanceStatus: check(instance),
    attachedEbsStatus: check(''),
    events: [],
    ...more,
  };
}

function event(code: string, notBefore: string, description = ''): ScheduledEvent {
  return { instanceEventId: '', code, description, notBefore, notAfter: '', notBeforeDeadline: '' };
}

// The fake browser's t() gives the key: the texts below are keys, substitutions are checked apart.
test('both checks passed, one failed, starting up, unknown', () => {
  expect(summarizeChecks(status('i-1', 'ok', 'ok'))).toEqual({
    kind: 'passed',
    total: 2,
    passed: 2,
    failed: 0,
  });
  expect(summarizeChecks(status('i-1', 'ok', 'impaired'))).toMatchObject({
    kind: 'failed',
    total: 2,
    failed: 1,
  });
  expect(summarizeChecks(status('i-1', 'initializing', 'initializing')).kind).toBe('initializing');
  // A failure shows even while the other check still starts up.
  expect(summarizeChecks(status('i-1', 'impaired', 'initializing')).kind).toBe('failed');
  expect(summarizeChecks(status('i-1', 'ok', 'insufficient-data')).kind).toBe('insufficient');
  expect(summarizeChecks(undefined).kind).toBe('unknown');
  // A stopped instance's checks do not apply: nothing to say about them.
  expect(summarizeChecks(status('i-1', 'not-applicable', 'not-applicable')).kind).toBe('unknown');
});

test('the attached EBS check counts where the cloud has it', () => {
  const three = status('i-1', 'ok', 'ok', { attachedEbsStatus: check('impaired') });
  expect(summarizeChecks(three)).toEqual({ kind: 'failed', total: 3, passed: 2, failed: 1 });
});

test('the texts', () => {
  expect(checksText(summarizeChecks(status('i-1', 'ok', 'ok')))).toBe('statusChecksPassed');
  expect(checksText(summarizeChecks(status('i-1', 'ok', 'impaired')))).toBe('statusChecksFailed');
  expect(checksText(summarizeChecks(undefined))).toBe('statusChecksUnknown');
  expect(eventText('system-maintenance')).toBe('statusEventSystemMaintenance');
  expect(eventText('instance-retirement')).toBe('statusEventInstanceRetirement');
  // A code this version does not know is shown as sent.
  expect(eventText('host-migration')).toBe('host-migration');
});

test('worst first: more failures, then failures, doubts, starting, fine, unknown', () => {
  const keys = [
    status('a', 'ok', 'ok'),
    status('b', 'not-applicable', 'not-applicable'),
    status('c', 'impaired', 'impaired'),
    status('d', 'initializing', 'initializing'),
    status('e', 'ok', 'impaired'),
    status('f', 'insufficient-data', 'ok'),
  ]
    .map((s) => [s.instanceId, checksSortKey(summarizeChecks(s))] as const)
    .sort((x, y) => x[1] - y[1])
    .map(([id]) => id);
  expect(keys).toEqual(['c', 'e', 'f', 'd', 'a', 'b']);
});

test('events still to come, soonest first; completed and cancelled ones are left out', () => {
  const statuses = [
    status('i-late', 'ok', 'ok', { events: [event('instance-stop', '2026-12-20T00:00:00Z')] }),
    status('i-soon', 'ok', 'ok', {
      events: [
        event('system-reboot', '2026-12-05T00:00:00Z'),
        event('instance-reboot', '2026-11-01T00:00:00Z', '[Completed] Rebooted'),
        event('system-maintenance', '2026-11-02T00:00:00Z', '[Canceled] Not needed'),
      ],
    }),
    status('i-none', 'ok', 'ok'),
  ];
  expect(isEventOver(event('x', '', '[Completed] done'))).toBe(true);
  expect(isEventOver(event('x', '', 'The instance is scheduled'))).toBe(false);
  const pending = pendingEvents(statuses);
  expect(pending.map((p) => [p.instanceId, p.event.code])).toEqual([
    ['i-soon', 'system-reboot'],
    ['i-late', 'instance-stop'],
  ]);
  expect(eventsNoticeText(pending)).toBe('statusEventsNoticeMany');
  expect(eventsNoticeText(pending.slice(0, 1))).toBe('statusEventsNoticeOne');
});

test('the notice names the instances, what will happen and when (local time), then how many more', () => {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})`,
  );
  const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T00:00:00Z`;
  const local = (day: number) => new Date(at(day)).toLocaleString();
  const statuses = [1, 2, 3, 4, 5].map((n) =>
    status(`i-${n}`, 'ok', 'ok', { events: [event('system-reboot', at(10 + n))] }),
  );
  expect(eventsNoticeText(pendingEvents(statuses.slice(0, 2)))).toBe(
    `statusEventsNoticeMany(2|statusEventsNoticeItem(i-1|statusEventSystemReboot()|${local(11)}); ` +
      `statusEventsNoticeItem(i-2|statusEventSystemReboot()|${local(12)}))`,
  );
  const five = eventsNoticeText(pendingEvents(statuses));
  expect(five).toMatch(/^statusEventsNoticeMany\(5\|/);
  expect(five).toContain('i-3');
  expect(five).not.toContain('i-4');
  expect(five).toContain('statusEventsMore(2)');
  const undated = [status('i-9', 'ok', 'ok', { events: [event('instance-stop', '')] })];
  expect(eventsNoticeText(pendingEvents(undated))).toBe(
    'statusEventsNoticeOne(statusEventsNoticeItemUndated(i-9|statusEventInstanceStop()))',
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});
