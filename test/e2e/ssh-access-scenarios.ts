// "Open SSH for my address" in both browsers: a typed address opens port 22 on the instance's
// group for 15 minutes; the rules view marks it temporary; the alarm (fired now from an extension
// page instead of waiting) closes it. Notifications are not looked at: headless Firefox closes
// them at once, so the record in storage and the group's rules tell instead.

import { expect } from 'vitest';
import type { FrontDoor } from '../support/front-door';
import { fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { chooseOption, clickRow, opens, openTab, probe } from './resources-scenarios';
import { waitFor } from './shell-scenarios';

export const SSH_ADDRESS = '203.0.113.7';
const CIDR = `${SSH_ADDRESS}/32`;

interface StoredRule {
  id: string;
  groupId: string;
  groupName: string;
  port: number;
  cidr: string;
  endsAt: number;
}

/** The background's records, read from the extension's own storage as the panel can. */
export function storedRules(page: TypingPage): Promise<StoredRule[]> {
  return run<StoredRule[]>(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.storage.local.get('tempAccess.rules').then((r) => r['tempAccess.rules']?.value ?? []);`,
  );
}

/** The CIDRs the CLI sees allowed on tcp/22 in any group. */
export function cliSources(cli: (args: string[]) => unknown): string[] {
  const answer = cli(['ec2', 'describe-security-groups']) as {
    SecurityGroups: Array<{
      IpPermissions: Array<{ FromPort?: number; IpRanges: Array<{ CidrIp: string }> }>;
    }>;
  };
  return answer.SecurityGroups.flatMap((g) =>
    g.IpPermissions.filter((p) => p.FromPort === 22).flatMap((p) =>
      p.IpRanges.map((r) => r.CidrIp),
    ),
  );
}

const count = (frontDoor: FrontDoor, action: string) =>
  frontDoor.requests.filter((r) => r.action === action).length;

/** Opens the dialog on the instance, refuses a block, opens port 22 for a typed address. */
export async function openSshForAddress(
  page: TypingPage,
  frontDoor: FrontDoor,
  instanceId: string,
  windows: boolean,
): Promise<StoredRule> {
  await openTab(page, 'instances');
  await clickRow(page, instanceId);
  await opens(page, 'Open SSH for my address');
  await waitForText(page, `Open access for my address: ${instanceId}`);
  // Nothing is looked up without the click: no URL is configured, the field is empty.
  expect(
    await run<string>(page, `return document.getElementById('ssh-access-checkip').value;`),
  ).toBe('');
  // RDP for a Windows instance, SSH otherwise; either can be changed.
  expect(await run<string>(page, `return document.getElementById('ssh-access-port').value;`)).toBe(
    windows ? '3389' : '22',
  );
  await fill(page, 'Port (TCP)', '22');

  const before = count(frontDoor, 'AuthorizeSecurityGroupIngress');
  await fill(page, 'Your public address', '0.0.0.0/0');
  await press(page, 'Open');
  await waitForText(page, 'Type one IPv4 or IPv6 address');
  expect(count(frontDoor, 'AuthorizeSecurityGroupIngress')).toBe(before);

  await fill(page, 'Your public address', SSH_ADDRESS);
  await chooseOption(page, 'Close after', '15');
  await press(page, 'Open');
  await waitForText(page, `Port 22 is open for ${CIDR}`);
  expect(count(frontDoor, 'AuthorizeSecurityGroupIngress')).toBe(before + 1);

  // The details pane of the instance tells of it.
  await waitForText(page, 'Temporary access');
  await waitForText(page, `TCP 22 from ${CIDR}`);
  const rules = await storedRules(page);
  expect(rules).toHaveLength(1);
  const [rule] = rules;
  expect(rule).toMatchObject({ port: 22, cidr: CIDR });
  return rule as StoredRule;
}

/** The group's rules mark the rule temporary; Extend moves its end. */
export async function seeTemporaryInRules(page: TypingPage, rule: StoredRule) {
  await openTab(page, 'security-groups');
  await clickRow(page, rule.groupId || rule.groupName);
  const row = `tr[data-temporary="${rule.id}"]`;
  await waitFor(page, probe(`return !!document.querySelector('${row}');`), 'the temporary rule');
  const text = await run<string>(page, `return document.querySelector('${row}').textContent;`);
  expect(text).toContain(CIDR);
  expect(text).toMatch(/temporary, closes at \d{1,2}:\d{2}/);
}

/** Extend by an hour from the rules view. */
export async function extendFromRules(page: TypingPage, rule: StoredRule) {
  await press(page, 'Extend 1 h');
  await waitForText(page, 'Temporary access now closes at');
  await waitFor(
    page,
    probe(
      `const api = globalThis.browser ?? globalThis.chrome;
       return api.storage.local.get('tempAccess.rules').then((r) =>
         (r['tempAccess.rules']?.value ?? []).some((x) => x.id === ${JSON.stringify(rule.id)} && x.endsAt >= ${rule.endsAt + 59 * 60_000}));`,
    ),
    'the end an hour later',
  );
}

/** Fires the rule's alarm now (as the browser would at its end) and waits for the record to go. */
export async function fireAlarm(page: TypingPage, rule: StoredRule) {
  await run(
    page,
    `const api = globalThis.browser ?? globalThis.chrome;
     return api.alarms.create(${JSON.stringify(`cirrus.temp-access:${rule.id}`)}, { when: Date.now() });`,
  );
  await waitFor(
    page,
    probe(
      `const api = globalThis.browser ?? globalThis.chrome;
       return api.storage.local.get('tempAccess.rules').then((r) => (r['tempAccess.rules']?.value ?? []).length === 0);`,
    ),
    'the record gone',
    60_000,
  );
  // The rules view, read again, no longer has it.
  await press(page, 'Refresh');
  await waitFor(
    page,
    probe(
      `return !document.querySelector('.rules-table')?.innerText.includes(${JSON.stringify(CIDR)});`,
    ),
    'the rule gone from the rules view',
  );
}

/** A checkip-style service on loopback that counts the requests it gets. */
export interface CheckIpServer {
  url: string;
  hits: number;
  answer: string;
  stop(): Promise<void>;
}

export async function startCheckIp(): Promise<CheckIpServer> {
  const { createServer } = await import('node:http');
  const state = { hits: 0, answer: '' };
  const server = createServer((_req, res) => {
    state.hits++;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(state.answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/ip`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/**
 * The look-up asks the URL only on the click; a hostile answer is refused without being shown;
 * an address fills the field; the URL is remembered for the next time.
 */
export async function lookUpScenario(page: TypingPage, instanceId: string, service: CheckIpServer) {
  await openTab(page, 'instances');
  await clickRow(page, instanceId);
  await opens(page, 'Open SSH for my address');
  await fill(page, 'Address look-up service (optional)', service.url);
  expect(service.hits).toBe(0);

  service.answer = '<b onmouseover=alert(1)>0.0.0.0/0</b>';
  await press(page, 'Look up');
  await waitForText(page, 'did not answer with one IPv4 or IPv6 address');
  expect(service.hits).toBe(1);
  expect(await bodyTextHas(page, 'onmouseover')).toBe(false);
  expect(
    await run<string>(page, `return document.getElementById('ssh-access-address').value;`),
  ).toBe('');

  service.answer = '198.51.100.9\n';
  await press(page, 'Look up');
  await waitFor(
    page,
    probe(`return document.getElementById('ssh-access-address')?.value === '198.51.100.9';`),
    'the looked-up address in the field',
  );
  await press(page, 'Cancel');

  // Opened again: the URL is kept, and still nothing is asked until the click.
  const hits = service.hits;
  await opens(page, 'Open SSH for my address');
  await waitFor(
    page,
    probe(
      `return document.getElementById('ssh-access-checkip')?.value === ${JSON.stringify(service.url)};`,
    ),
    'the remembered URL',
  );
  expect(service.hits).toBe(hits);
  await press(page, 'Cancel');
}

function bodyTextHas(page: TypingPage, text: string): Promise<boolean> {
  return run<boolean>(page, `return document.body.innerHTML.includes(${JSON.stringify(text)});`);
}

/** Another address, closed from the rules view with Close now before its time. */
export async function closeNowScenario(page: TypingPage, instanceId: string) {
  const address = '198.51.100.44';
  await openTab(page, 'instances');
  await clickRow(page, instanceId);
  await opens(page, 'Open SSH for my address');
  await fill(page, 'Your public address', address);
  await fill(page, 'Port (TCP)', '22');
  await press(page, 'Open');
  await waitForText(page, `Port 22 is open for ${address}/32`);
  const [rule] = await storedRules(page);
  expect(rule?.cidr).toBe(`${address}/32`);

  await openTab(page, 'security-groups');
  await clickRow(page, rule?.groupId || rule?.groupName || '');
  const row = `tr[data-temporary="${rule?.id}"]`;
  await waitFor(page, probe(`return !!document.querySelector('${row}');`), 'the temporary rule');
  await press(page, 'Close now');
  await waitForText(page, `Temporary access closed: tcp/22 ${address}/32.`);
  await waitFor(
    page,
    probe(
      `return !document.querySelector('.rules-table')?.innerText.includes(${JSON.stringify(`${address}/32`)});`,
    ),
    'the rule gone from the rules view',
  );
  expect(await storedRules(page)).toEqual([]);
}

/** Where the browser keeps shown notifications (Chromium), the "closed" one for this rule is there. */
export async function closedNotificationShown(page: TypingPage, rule: StoredRule) {
  await waitFor(
    page,
    probe(
      `const api = globalThis.browser ?? globalThis.chrome;
       return api.notifications.getAll().then((all) => ${JSON.stringify(`cirrus-temp-access:${rule.id}`)} in all);`,
    ),
    'the notification that the rule was closed',
  );
}
