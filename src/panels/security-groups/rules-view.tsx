import { useState } from 'preact/hooks';
import type { SecurityGroup } from '../../cloud/ec2';
import type { RuleDirection } from '../../cloud/ec2/rule-changes';
import type { TempAccessRule } from '../../storage/items';
import { closesAt } from '../components/temp-access-list';
import { t } from '../i18n';
import { type RuleRow, ruleRows } from './rule-form';
import { groupKey, groupLabel, type SecurityGroupsModel } from './security-groups-model';

export function protocolText(protocol: string): string {
  if (protocol === '-1') return t('protocolAll');
  return ['tcp', 'udp', 'icmp'].includes(protocol) ? protocol.toUpperCase() : protocol;
}

export function portsText(row: Pick<RuleRow, 'protocol' | 'fromPort' | 'toPort'>): string {
  if (row.protocol === '-1') return t('portsAll');
  if (row.protocol === 'icmp') return t('icmpTypeCode', row.fromPort, row.toPort);
  if (row.fromPort === row.toPort) return row.fromPort;
  return `${row.fromPort}–${row.toPort}`;
}

/** What the panel does with a temporary rule (see "Open SSH for my address"). */
export interface TempAccessActions {
  rules: readonly TempAccessRule[];
  close: (rule: TempAccessRule) => Promise<unknown>;
  extend: (rule: TempAccessRule) => Promise<unknown>;
}

/** The temporary record behind an inbound row of this group, if Cirrus opened it for a while. */
export function temporaryFor(
  row: RuleRow,
  group: SecurityGroup,
  rules: readonly TempAccessRule[],
): TempAccessRule | undefined {
  if (row.direction !== 'ingress' || row.protocol !== 'tcp' || row.fromPort !== row.toPort)
    return undefined;
  return rules.find(
    (r) =>
      (r.byId ? r.groupId === group.groupId : r.groupName === group.groupName) &&
      String(r.port) === row.fromPort &&
      r.cidr === row.source.toLowerCase(),
  );
}

function RulesTable(props: {
  model: SecurityGroupsModel;
  group: SecurityGroup;
  direction: RuleDirection;
  temporary?: TempAccessActions | undefined;
}) {
  const { model, group, direction, temporary } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const permissions = direction === 'ingress' ? group.ipPermissions : group.ipPermissionsEgress;
  const rows = ruleRows(permissions, direction, !!group.vpcId);
  const title = direction === 'ingress' ? t('rulesInbound') : t('rulesOutbound');
  // Outbound rules change only in a VPC (by group id); elsewhere they are shown as they are.
  const editable = direction === 'ingress' || !!group.vpcId;
  return (
    <section aria-label={title}>
      <div class="toolbar">
        <h3>{title}</h3>
        {editable && (
          <button
            type="button"
            onClick={() => model.open({ kind: 'rule', key: groupKey(group), direction })}
          >
            {direction === 'ingress' ? t('ruleAddInbound') : t('ruleAddOutbound')}
          </button>
        )}
      </div>
      {rows.length === 0 ? (
        <p class="muted">{t('rulesNone')}</p>
      ) : (
        <table class="data-table rules-table" aria-label={title}>
          <thead>
            <tr>
              <th>{t('colProtocol')}</th>
              <th>{t('colPorts')}</th>
              <th>{direction === 'ingress' ? t('colSource') : t('colDestination')}</th>
              <th>{t('colSourceOwner')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const temp = temporary && temporaryFor(row, group, temporary.rules);
              return (
                <tr key={row.key} data-rule={row.key} data-temporary={temp ? temp.id : undefined}>
                  <td>{protocolText(row.protocol)}</td>
                  <td>{portsText(row)}</td>
                  <td class="mono">
                    {row.source}
                    {temp && (
                      <span class="temp-marker"> · {t('tempAccessMarker', closesAt(temp))}</span>
                    )}
                  </td>
                  <td class="mono">{row.owner}</td>
                  <td>
                    {temp && temporary && (
                      <>
                        <button
                          type="button"
                          disabled={busy !== null}
                          onClick={() => {
                            setBusy(row.key);
                            void temporary.close(temp).finally(() => setBusy(null));
                          }}
                        >
                          {t('tempAccessCloseNow')}
                        </button>
                        <button
                          type="button"
                          disabled={busy !== null}
                          onClick={() => {
                            setBusy(row.key);
                            void temporary.extend(temp).finally(() => setBusy(null));
                          }}
                        >
                          {t('tempAccessExtend')}
                        </button>
                      </>
                    )}
                    <button
                      type="button"
                      disabled={busy !== null || !editable}
                      onClick={() => {
                        setBusy(row.key);
                        void model
                          .removeRule(group, direction, row.revoke)
                          .finally(() => setBusy(null));
                      }}
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The chosen group's rules: inbound always; outbound where the group is in a VPC or has any. */
export function RulesView({
  model,
  group,
  temporary,
}: {
  model: SecurityGroupsModel;
  group: SecurityGroup;
  temporary?: TempAccessActions;
}) {
  const egress = !!group.vpcId || group.ipPermissionsEgress.length > 0;
  return (
    <section class="details rules-view" aria-label={t('rulesOf', groupLabel(group))}>
      <h2>{t('rulesOf', groupLabel(group))}</h2>
      <RulesTable model={model} group={group} direction="ingress" temporary={temporary} />
      {egress && <RulesTable model={model} group={group} direction="egress" />}
    </section>
  );
}
