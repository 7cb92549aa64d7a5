// Status checks and scheduled events on the Instances tab, and Export CSV of a list, as both
// browsers must show them: the front door stands in for a cloud with an event coming, and for one
// without DescribeInstanceStatus.
import { expect } from 'vitest';
import { createVolume, ec2Call } from '../../src/cloud/ec2';
import { csvFileName } from '../../src/panels/components/csv';
import { connect } from '../integration/ec2/support';
import { bodyText, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { clickRow, openTab, waitForCell, ZONE } from './resources-scenarios';
import { waitFor } from './shell-scenarios';

/** A scheduled event's window, far enough ahead to stay "to come". */
export const EVENT_FROM = '2030-01-02T03:00:00.000Z';
export const EVENT_TO = '2030-01-02T05:00:00.000Z';

/** What the front door says to DescribeInstanceStatus: moto's answer, an event, or no such action. */
export type StatusMode = 'moto' | 'event' | 'unsupported';

/**
 * An ec2Answer: in 'event' mode DescribeInstanceStatus answers for `state.instanceId` with both
 * checks passed and a system reboot scheduled; in 'unsupported' mode with InvalidAction, as an
 * older Eucalyptus does. Everything else goes on to moto.
 */
export function statusAnswers() {
  const state = { mode: 'moto' as StatusMode, instanceId: '' };
  const answer = (action: string) => {
    if (action !== 'DescribeInstanceStatus' || state.mode === 'moto') return undefined;
    if (state.mode === 'unsupported') {
      return {
        status: 400,
        body: '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidAction</Code><Message>The action DescribeInstanceStatus is not valid for this web service.</Message></Error></Errors><RequestID>5e1c0000-0000-4000-8000-0000000000aa</RequestID></Response>',
      };
    }
    const ok =
      '<status>ok</status><details><item><name>reachability</name><status>passed</status></item></details>';
    return {
      status: 200,
      body:
        '<?xml version="1.0" encoding="UTF-8"?><DescribeInstanceStatusResponse xmlns="http://ec2.amazonaws.com/doc/2013-02-01/">' +
        '<requestId>5e1c0000-0000-4000-8000-0000000000ab</requestId><instanceStatusSet><item>' +
        `<instanceId>${state.instanceId}</instanceId><availabilityZone>${ZONE}</availabilityZone>` +
        '<instanceState><code>16</code><name>running</name></instanceState>' +
        `<systemStatus>${ok}</systemStatus><instanceStatus>${ok}</instanceStatus>` +
        '<eventsSet><item><instanceEventId>instance-event-0e2e</instanceEventId><code>system-reboot</code>' +
        '<description>The instance is scheduled for a reboot</description>' +
        `<notBefore>${EVENT_FROM}</notBefore><notAfter>${EVENT_TO}</notAfter></item></eventsSet>` +
        '</item></instanceStatusSet></DescribeInstanceStatusResponse>',
    };
  };
  return { state, answer };
}

function probe(body: string): () => boolean {
  return new Function(body) as () => boolean;
}

/** The Status checks column shows moto's answer for a running instance: both checks passed. */
export async function statusColumnScenario(
  page: TypingPage,
  instanceId: string,
  options: { reopen?: boolean } = {},
) {
  if (options.reopen) await openTab(page, 'volumes');
  await openTab(page, 'instances');
  await waitForCell(page, instanceId, 'Status checks', '2/2 passed');
}

/** An event injected by the front door: the notice names it, the details pane shows its dates. */
export async function scheduledEventScenario(page: TypingPage, instanceId: string) {
  await openTab(page, 'instances');
  await press(page, 'Refresh');
  const from = await run<string>(
    page,
    `return new Date(${JSON.stringify(EVENT_FROM)}).toLocaleString();`,
  );
  const to = await run<string>(
    page,
    `return new Date(${JSON.stringify(EVENT_TO)}).toLocaleString();`,
  );
  await waitForText(page, `1 instance has scheduled events: ${instanceId} host reboot on ${from}`);
  await clickRow(page, instanceId);
  const details = `[aria-label="Status checks and events of ${instanceId}"]`;
  await waitFor(
    page,
    probe(`return !!document.querySelector(${JSON.stringify(details)});`),
    'the status details',
  );
  const text = await run<string>(
    page,
    `return document.querySelector(${JSON.stringify(details)}).innerText;`,
  );
  expect(text).toContain('System check');
  expect(text).toContain('reachability: passed');
  expect(text).toContain('Scheduled events');
  expect(text).toContain('host reboot');
  expect(text).toContain(`${from} to ${to}`);
  expect(text).toContain('The instance is scheduled for a reboot');
}

/**
 * A cloud without DescribeInstanceStatus: the column's title says so once, no error shows, and the
 * instances are listed as before. (Opening the tab again makes a new panel, which asks again.)
 */
export async function unsupportedScenario(page: TypingPage, instanceId: string) {
  await openTab(page, 'volumes');
  await openTab(page, 'instances');
  await waitFor(
    page,
    probe(
      `return [...document.querySelectorAll('thead th')].some((th) => th.textContent.includes('Status checks: not available on this cloud'));`,
    ),
    'the column title saying status checks are not available',
  );
  await waitForCell(page, instanceId, 'Status checks: not available on this cloud', '—');
  const alerts = await run<number>(
    page,
    `return document.querySelectorAll('[role="alert"]').length;`,
  );
  expect(alerts, await bodyText(page)).toBe(0);
  expect(await bodyText(page)).not.toContain('InvalidAction');
}

/** Two volumes straight at moto, with Name tags a spreadsheet would trip on. */
export async function makeVolumes(motoPort: number): Promise<string[]> {
  const c = connect(motoPort);
  const ids: string[] = [];
  for (const [size, name] of [
    [1, '=HYPERLINK("http://evil.example","click")'],
    [3, 'データ, 一号'],
  ] as const) {
    const made = await ec2Call(createVolume, c.profile, c.signer, {
      availabilityZone: ZONE,
      size,
      tags: [{ key: 'Name', value: name }],
    });
    ids.push(made.volumeId);
  }
  return ids;
}

/** RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** The table as shown: header titles (without sort arrows) and each row's cell texts. */
function shownTable(page: TypingPage): Promise<string[][]> {
  return run<string[][]>(
    page,
    `const table = document.querySelector('[role="tabpanel"] table');
     const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.replace(/[▲▼]/g, '').trim());
     const rows = [...table.querySelectorAll('tr[data-key]')].map((tr) => [...tr.children].map((td) => td.textContent));
     return [heads, ...rows];`,
  );
}

/**
 * Export CSV of the volumes list, sorted by size, biggest first: the file (found by the name the
 * panel gives it, `save` catches it) holds the header and rows shown, in order, with a BOM, and
 * the hostile Name made text.
 */
export async function exportVolumesScenario(
  page: TypingPage,
  volumeIds: string[],
  save: (fileName: string) => Promise<Buffer>,
) {
  await openTab(page, 'volumes');
  for (const id of volumeIds) await waitForCell(page, id, 'State', 'available');
  // Biggest first: the file must follow the order shown, not the order the cloud gave.
  await run(
    page,
    `[...document.querySelectorAll('thead th')].find((th) => th.textContent.includes('Size (GiB)')).querySelector('button').click();`,
  );
  await waitFor(
    page,
    probe(`return !!document.querySelector('th[aria-sort="ascending"]');`),
    'sorted by size',
  );
  await run(page, `document.querySelector('th[aria-sort="ascending"] button').click();`);
  await waitFor(
    page,
    probe(`return !!document.querySelector('th[aria-sort="descending"]');`),
    'sorted by size, biggest first',
  );
  const shown = await shownTable(page);
  const sizeAt = shown[0]?.indexOf('Size (GiB)') ?? -1;
  const sizes = shown.slice(1).map((row) => Number(row[sizeAt]));
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  // The instance's root volume is listed too; ours are the biggest and the smallest here.
  const ours = shown.slice(1).filter((row) => volumeIds.includes(row[0] ?? ''));
  expect(ours.map((row) => row[0])).toEqual([...volumeIds].reverse());

  // The name carries the page's local minute: wait out a minute about to turn.
  const parts = await waitFor(
    page,
    probe(
      `const d = new Date();
       return d.getSeconds() < 50 && [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()];`,
    ) as unknown as () => number[],
    'a minute with time to spare',
    15_000,
  );
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0] = parts;
  const fileName = csvFileName('volumes', 'Lab cloud', 'eucalyptus', new Date(y, mo, d, h, mi));
  expect(fileName).toMatch(/^cirrus-volumes-Lab_cloud-eucalyptus-\d{8}-\d{4}\.csv$/);
  const saved = save(fileName);
  saved.catch(() => undefined);
  await press(page, 'Export CSV');
  const bytes = await saved;

  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const records = parseCsv(text);
  // What a spreadsheet gets is what the table shows, with formulas made text.
  const defended = shown.map((row) =>
    row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)),
  );
  expect(records).toEqual(defended);
  const names = records
    .slice(1)
    .filter((row) => volumeIds.includes(row[0] ?? ''))
    .map((row) => row[shown[0]?.indexOf('Name') ?? -1]);
  expect(names).toEqual(['データ, 一号', `'=HYPERLINK("http://evil.example","click")`]);
}
