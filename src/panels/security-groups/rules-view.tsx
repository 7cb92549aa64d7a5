import { useState } from 'preact/hooks';
import type { SecurityGroup } from '../../cloud/ec2';
import type { RuleDirection } from '../../cloud/ec2/rule-changes';
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

function RulesTable(props: {
  model: SecurityGroupsModel;
  group: SecurityGroup;
  direction: RuleDirection;
}) {
  const { model, group, direction } = props;
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
            {rows.map((row) => (
              <tr key={row.key} data-rule={row.key}>
                <td>{protocolText(row.protocol)}</td>
                <td>{portsText(row)}</td>
                <td class="mono">{row.source}</td>
                <td class="mono">{row.owner}</td>
                <td>
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
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The chosen group's rules: inbound always; outbound where the group is in a VPC or has any. */
export function RulesView({ model, group }: { model: SecurityGroupsModel; group: SecurityGroup }) {
  const egress = !!group.vpcId || group.ipPermissionsEgress.length > 0;
  return (
    <section class="details rules-view" aria-label={t('rulesOf', groupLabel(group))}>
      <h2>{t('rulesOf', groupLabel(group))}</h2>
      <RulesTable model={model} group={group} direction="ingress" />
      {egress && <RulesTable model={model} group={group} direction="egress" />}
    </section>
  );
}
