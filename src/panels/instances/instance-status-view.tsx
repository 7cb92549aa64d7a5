import { Fragment } from 'preact';
import type { InstanceStatus, StatusSummary } from '../../cloud/ec2';
import { ErrorMessage } from '../components/error-message';
import { type MessageKey, t } from '../i18n';
import type { InstanceStatusList } from './instance-status-list';
import {
  checkStatusText,
  checksText,
  eventsNoticeText,
  eventText,
  eventTime,
  isEventOver,
  summarizeChecks,
} from './status-checks';
import './instance-status.css';

const CHECKS: Array<
  [keyof Pick<InstanceStatus, 'systemStatus' | 'instanceStatus' | 'attachedEbsStatus'>, MessageKey]
> = [
  ['systemStatus', 'statusCheckSystem'],
  ['instanceStatus', 'statusCheckInstance'],
  ['attachedEbsStatus', 'statusCheckAttachedEbs'],
];

function CheckLine({ label, check }: { label: string; check: StatusSummary }) {
  const impaired = check.details.find((d) => d.impairedSince)?.impairedSince;
  return (
    <>
      <dt>{label}</dt>
      <dd class={`check ${check.status}`}>
        {checkStatusText(check.status)}
        {check.details.map((d) => (
          <span key={d.name} class="muted">
            {' · '}
            {t('statusCheckDetail', d.name, checkStatusText(d.status))}
          </span>
        ))}
        {impaired && (
          <span class="muted"> · {t('statusCheckImpairedSince', eventTime(impaired))}</span>
        )}
      </dd>
    </>
  );
}

/** The details pane's status checks and scheduled events of one instance. */
export function InstanceStatusDetails({
  instanceId,
  status,
}: {
  instanceId: string;
  status: InstanceStatusList;
}) {
  const found = status.of(instanceId);
  const unsupported = status.unsupported.value;
  return (
    <section class="details status-details" aria-label={t('statusDetailsOf', instanceId)}>
      <h3>{t('colStatusChecks')}</h3>
      {unsupported ? (
        <p class="muted">{t('statusChecksUnavailable')}</p>
      ) : (
        <dl>
          <dt>{t('colStatusChecks')}</dt>
          <dd>{checksText(summarizeChecks(found))}</dd>
          {found &&
            CHECKS.filter(([field]) => found[field].status !== '').map(([field, key]) => (
              <CheckLine key={field} label={t(key)} check={found[field]} />
            ))}
        </dl>
      )}
      <h3>{t('statusEventsTitle')}</h3>
      {found?.events.length ? (
        <dl class="status-events">
          {found.events.map((event, i) => (
            <Fragment key={event.instanceEventId || i}>
              <dt class={isEventOver(event) ? 'over' : 'due'}>{eventText(event.code)}</dt>
              <dd>
                {event.notBefore &&
                  (event.notAfter
                    ? t('statusEventWindow', eventTime(event.notBefore), eventTime(event.notAfter))
                    : t('statusEventFrom', eventTime(event.notBefore)))}
                {event.notBeforeDeadline && (
                  <span> · {t('statusEventDeadline', eventTime(event.notBeforeDeadline))}</span>
                )}
                {event.description && <span class="muted"> · {event.description}</span>}
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p class="muted">{unsupported ? t('statusChecksUnavailable') : t('statusEventsNone')}</p>
      )}
    </section>
  );
}

/** The line over the list that says which instances have events coming. */
export function StatusEventsNotice({ status }: { status: InstanceStatusList }) {
  const pending = status.events.value;
  if (pending.length === 0) return null;
  return (
    <p class="notice warning status-events-notice" role="status">
      {eventsNoticeText(pending)}
    </p>
  );
}

/** A status list that failed for another reason than a missing action (a denied permission). */
export function StatusListError({ status }: { status: InstanceStatusList }) {
  const error = status.list.error.value;
  if (!error) return null;
  return (
    <div class="status-error">
      <p class="muted">{t('statusChecksLoadFailed')}</p>
      <ErrorMessage error={error} />
    </div>
  );
}
