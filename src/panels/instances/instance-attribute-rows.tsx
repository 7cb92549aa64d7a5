import { type ComponentChildren, Fragment } from 'preact';
import type { Instance, InstanceAttributeName } from '../../cloud/ec2';
import { type MessageKey, t } from '../i18n';
import {
  type AttributeReading,
  type AttributeReadings,
  attributesFor,
} from './load-instance-attributes';
import { UserDataSummary } from './user-data-summary';

export const ATTRIBUTE_LABELS: Record<InstanceAttributeName, MessageKey> = {
  instanceType: 'attrInstanceType',
  disableApiTermination: 'attrTermination',
  instanceInitiatedShutdownBehavior: 'attrShutdown',
  sourceDestCheck: 'attrSourceDest',
  userData: 'attrUserData',
};

const onOff = (on: boolean) => t(on ? 'attrOn' : 'attrOff');

export function shutdownText(value: string): string {
  if (value === 'stop') return t('attrShutdownStop');
  if (value === 'terminate') return t('attrShutdownTerminate');
  return value;
}

/** Why a setting has no value: not supported here, refused, or left out of the answer. */
export function readingProblem(
  name: InstanceAttributeName,
  reading: AttributeReading<unknown> | undefined,
): string | null {
  if (!reading || reading.state === 'ok') return null;
  if (reading.state === 'unsupported') return t('attrUnsupported', t(ATTRIBUTE_LABELS[name]));
  if (reading.state === 'failed') return t('attrNotAvailable', reading.error.code);
  return t('attrNotReported');
}

/** The instance's settings in the details pane, read with DescribeInstanceAttribute. */
export function InstanceAttributeRows({
  instance,
  readings,
}: {
  instance: Instance;
  readings: AttributeReadings | null;
}) {
  return (
    <section class="instance-settings" aria-label={t('attrDetailsHeading')}>
      <h3>{t('attrDetailsHeading')}</h3>
      {!readings && <p class="muted">{t('loading')}</p>}
      {readings && (
        <dl>
          {attributesFor(instance).map((name) => {
            const reading = readings[name];
            const problem = readingProblem(name, reading);
            let value: ComponentChildren = problem;
            if (reading?.state === 'ok') {
              const v = reading.value;
              if (name === 'userData')
                value = <UserDataSummary base64={String(v)} instanceId={instance.instanceId} />;
              else if (typeof v === 'boolean') value = onOff(v);
              else if (name === 'instanceInitiatedShutdownBehavior') value = shutdownText(v);
              else value = v;
            }
            return (
              <Fragment key={name}>
                <dt>{t(ATTRIBUTE_LABELS[name])}</dt>
                <dd class={problem ? 'muted' : undefined}>{value}</dd>
              </Fragment>
            );
          })}
        </dl>
      )}
    </section>
  );
}
