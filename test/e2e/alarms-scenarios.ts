// CloudWatch alarms and detailed monitoring, written once for both browsers and checked with the
// AWS CLI on the same moto: an alarm created in the Alarms tab (after its checks refused a bad
// period and the cloud refused an SNS action, the input kept), its actions disabled, its history
// read, then deleted; detailed monitoring turned on for an instance from the Actions menu.
import { expect } from 'vitest';
import { fill, press, run, type TypingPage, waitForText } from './profiles-scenarios';
import { waitFor } from './shell-scenarios';

export type Cli = (args: string[]) => unknown;

interface CliAlarm {
  AlarmName: string;
  Threshold: number;
  EvaluationPeriods: number;
  Period: number;
  ComparisonOperator: string;
  ActionsEnabled: boolean;
  Dimensions: Array<{ Name: string; Value: string }>;
}

function cliAlarms(cli: Cli, name: string): CliAlarm[] {
  const out = cli(['cloudwatch', 'describe-alarms', '--alarm-names', name]) as {
    MetricAlarms: CliAlarm[];
  };
  return out.MetricAlarms;
}

async function selectRow(page: TypingPage, key: string) {
  const row = `tr[data-key=${JSON.stringify(key)}]`;
  await waitFor(
    page,
    new Function(`return !!document.querySelector(${JSON.stringify(row)});`) as () => boolean,
    `row ${key}`,
    30_000,
  );
  await page.click(`${row} td`);
  await waitFor(
    page,
    new Function(
      `return document.querySelector(${JSON.stringify(row)})?.getAttribute('aria-selected') === 'true';`,
    ) as () => boolean,
    `row ${key} selected`,
  );
}

/** The text of the field error under the control labelled `id`, in the open dialog. */
function fieldError(page: TypingPage, id: string): Promise<string> {
  return run<string>(
    page,
    `return document.querySelector('dialog[open] #${id}-error')?.textContent ?? '';`,
  );
}

/**
 * Create alarm… in the Alarms tab for the instance's CPU: the metric typed in, a period the dialog
 * refuses before sending, the sentence preview, then the alarm as the CLI sees it.
 */
export async function createAlarm(page: TypingPage, cli: Cli, name: string, instanceId: string) {
  await page.click('#tab-alarms');
  await waitForText(page, 'No alarms in this region.');
  await press(page, 'Create alarm…');
  await waitForText(page, 'Create alarm: choose the metric');
  // Namespace and metric name start as AWS/EC2 CPUUtilization.
  await fill(page, 'Dimensions', `InstanceId=${instanceId}`);
  await press(page, 'Next');
  await waitFor(page, () => !!document.querySelector('dialog[open] #alarm-threshold'), 'the form');
  await fill(page, 'Alarm name', name);
  await fill(page, 'Threshold', '80');
  await fill(page, 'Evaluation periods', '3');
  await fill(page, 'Period (seconds)', '90');
  await press(page, 'Create alarm');
  await waitFor(
    page,
    () => !!document.querySelector('dialog[open] #alarm-period-error'),
    'the period refused',
  );
  expect(await fieldError(page, 'alarm-period')).toContain('multiple of 60 seconds');
  expect(cliAlarms(cli, name)).toEqual([]);
  await fill(page, 'Period (seconds)', '300');
  await waitForText(
    page,
    'Alarm when CPUUtilization average > 80 for 3 consecutive periods of 5 minutes',
  );
  // This cloud has no SNS: its refusal stays in the dialog, and so does everything typed.
  await fill(page, 'Notify SNS topic (ARN, optional)', 'arn:aws:sns:eucalyptus:000000000001:ops');
  await press(page, 'Create alarm');
  await waitForText(page, 'SNS is not available on this cloud');
  const kept = await run<string[]>(
    page,
    `return ['alarm-name', 'alarm-threshold', 'alarm-evaluation-periods', 'alarm-period']
       .map((id) => document.querySelector('dialog[open] #' + id)?.value);`,
  );
  expect(kept).toEqual([name, '80', '3', '300']);
  expect(cliAlarms(cli, name)).toEqual([]);
  await fill(page, 'Notify SNS topic (ARN, optional)', '');
  await press(page, 'Create alarm');
  await waitForText(page, `Alarm ${name} created.`);
  await waitForText(page, 'CPUUtilization > 80 for 3 × 5 min');
  const [alarm] = cliAlarms(cli, name);
  expect(alarm).toMatchObject({
    AlarmName: name,
    Threshold: 80,
    Period: 300,
    EvaluationPeriods: 3,
    ComparisonOperator: 'GreaterThanThreshold',
    Dimensions: [{ Name: 'InstanceId', Value: instanceId }],
  });
}

/** Disable actions (the CLI sees ActionsEnabled false), read the history, delete with a confirm. */
export async function disableHistoryDelete(page: TypingPage, cli: Cli, name: string) {
  await selectRow(page, name);
  await press(page, 'Disable actions');
  await waitForText(page, `Actions disabled for ${name}.`);
  expect(cliAlarms(cli, name)[0]?.ActionsEnabled).toBe(false);
  await waitFor(
    page,
    new Function(
      `return document.querySelector('tr[data-key=${JSON.stringify(name)}]')?.textContent.includes('Disabled');`,
    ) as () => boolean,
    'the row says its actions are disabled',
  );

  await press(page, 'History…');
  await waitForText(page, `History of ${name}`);
  await waitFor(
    page,
    () => document.querySelectorAll('dialog[open] .alarm-history tbody tr').length >= 2,
    'two history items',
  );
  const history = await run<string>(
    page,
    `return document.querySelector('dialog[open] .alarm-history').innerText;`,
  );
  expect(history).toContain('Configuration change');
  expect(history).toContain('created');
  expect(history).toContain('actions disabled');
  await press(page, 'Close');

  await press(page, 'Delete');
  await waitForText(page, 'Delete these alarms? Their history goes with them.');
  const listed = await run<string>(
    page,
    `return document.querySelector('dialog[open] ul').innerText;`,
  );
  expect(listed).toContain(name);
  await press(page, 'Delete 1 alarms');
  await waitForText(page, `Deleted ${name}.`);
  expect(cliAlarms(cli, name)).toEqual([]);
  await waitForText(page, 'No alarms in this region.');
}

/** Actions ▾ → Detailed monitoring on: the list says so, and so does the CLI. */
export async function monitoringOn(page: TypingPage, cli: Cli, instanceId: string) {
  await page.click('#tab-instances');
  await selectRow(page, instanceId);
  await waitFor(
    page,
    new Function(
      `return document.querySelector('tr[data-key="${instanceId}"]')?.textContent.includes('basic (5 min)');`,
    ) as () => boolean,
    'basic monitoring shown',
    30_000,
  );
  await press(page, 'Detailed monitoring on');
  await waitForText(page, `Detailed monitoring turned on for ${instanceId}.`);
  await waitFor(
    page,
    new Function(
      `return document.querySelector('tr[data-key="${instanceId}"]')?.textContent.includes('detailed (1 min)');`,
    ) as () => boolean,
    'detailed monitoring shown',
    30_000,
  );
  const out = cli(['ec2', 'describe-instances', '--instance-ids', instanceId]) as {
    Reservations: Array<{ Instances: Array<{ Monitoring: { State: string } }> }>;
  };
  expect(out.Reservations[0]?.Instances[0]?.Monitoring.State).toBe('enabled');
}
