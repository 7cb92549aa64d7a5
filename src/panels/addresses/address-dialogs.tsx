import { useState } from 'preact/hooks';
import type { Address } from '../../cloud/ec2';
import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { InstanceSelect } from '../components/instance-select';
import { type MessageKey, t } from '../i18n';
import type { AddressesModel, Domain } from './addresses-model';

function Actions(props: { onCancel: () => void; onOk: () => void; ok: string; busy: boolean }) {
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        {t('cancel')}
      </button>
      <button type="button" class="primary" disabled={props.busy} onClick={props.onOk}>
        {props.ok}
      </button>
    </>
  );
}

const DOMAINS: Array<[Domain, MessageKey]> = [
  ['standard', 'addressDomainStandard'],
  ['vpc', 'addressDomainVpc'],
];

export function AllocateDialog({ model }: { model: AddressesModel }) {
  const [domain, setDomain] = useState<Domain>(model.defaultDomain());
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('addressAllocateTitle')}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          ok={t('addressAllocate')}
          busy={busy}
          onOk={() => {
            setBusy(true);
            void model.allocate(domain).finally(() => setBusy(false));
          }}
        />
      }
    >
      <Field id="address-domain" label={t('addressDomain')} hint={t('addressDomainHint')}>
        <select
          id="address-domain"
          value={domain}
          onChange={(e) => setDomain(e.currentTarget.value as Domain)}
        >
          {DOMAINS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </Field>
    </Dialog>
  );
}

export function AssociateDialog({ model, address }: { model: AddressesModel; address: Address }) {
  const [instanceId, setInstanceId] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('addressAssociateTitle', address.publicIp)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <Actions
          onCancel={() => model.open(null)}
          ok={t('addressAssociate')}
          busy={busy || !instanceId}
          onOk={() => {
            setBusy(true);
            void model.associate(address, instanceId).finally(() => setBusy(false));
          }}
        />
      }
    >
      <InstanceSelect
        id="address-instance"
        label={t('instance')}
        load={() => model.runningInstances()}
        value={instanceId}
        onValue={setInstanceId}
        none={t('noRunningInstances')}
      />
      {address.instanceId && <p class="notice warning">{t('addressMoves', address.instanceId)}</p>}
    </Dialog>
  );
}

export function ReleaseDialog({ model, keys }: { model: AddressesModel; keys: string[] }) {
  const names = keys.map((key) => model.find(key)?.publicIp ?? key);
  return (
    <ConfirmListDialog
      title={t('addressReleaseTitle')}
      confirm={t('addressReleaseYes', String(keys.length))}
      onConfirm={() => model.release(keys)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      question={t('addressReleaseConfirm')}
      items={names}
    />
  );
}
