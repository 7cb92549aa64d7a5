import type { Subnet, Vpc } from '../../cloud/ec2';
import { Checkbox, Field } from '../components/field';
import { t } from '../i18n';
import type { LaunchModel } from './launch-model';

const nameOf = (item: Vpc | Subnet) => item.tags.find((tag) => tag.key === 'Name')?.value ?? '';

function vpcLabel(vpc: Vpc): string {
  const label = t('launchNetVpcOption', vpc.vpcId, nameOf(vpc), vpc.cidrBlock);
  return vpc.isDefault ? t('launchNetDefaultVpc', label) : label;
}

export function subnetLabel(subnet: Subnet): string {
  return t(
    'launchNetSubnetOption',
    subnet.subnetId,
    nameOf(subnet),
    subnet.availabilityZone,
    subnet.cidrBlock,
    subnet.availableIpAddressCount || '?',
  );
}

/**
 * The VPC and subnet pickers and "Assign a public IP". Hidden on a cloud without VPCs (Eucalyptus
 * in EDGE mode, EC2-Classic): the launch stays Classic-style there.
 */
export function LaunchNetwork({ model, error }: { model: LaunchModel; error?: string }) {
  const network = model.network.value;
  const form = model.form.value;
  if (!network) return null;
  if (network.refused)
    return (
      <p class="muted" id="launch-net-refused">
        {t('launchNetRefused', network.refused.code || network.refused.message)}
      </p>
    );
  if (network.vpcs.length === 0) return null;
  const required = model.context.value.subnetRequired;
  const subnets = network.subnets
    .filter((s) => !form.vpcId || s.vpcId === form.vpcId)
    .sort(
      (a, b) =>
        a.vpcId.localeCompare(b.vpcId) || a.availabilityZone.localeCompare(b.availabilityZone),
    );
  const subnet = network.subnets.find((s) => s.subnetId === form.subnetId);
  return (
    <fieldset id="launch-network">
      <legend>{t('launchNetTitle')}</legend>
      <div class="form-grid">
        <Field id="launch-vpc" label={t('launchNetVpc')}>
          <select
            id="launch-vpc"
            value={form.vpcId}
            onChange={(e) => model.chooseVpc(e.currentTarget.value)}
          >
            <option value="">{t(required ? 'launchNetChooseVpc' : 'launchNetNoVpc')}</option>
            {network.vpcs.map((vpc) => (
              <option key={vpc.vpcId} value={vpc.vpcId}>
                {vpcLabel(vpc)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="launch-subnet" label={t('launchNetSubnet')} error={error}>
          <select
            id="launch-subnet"
            value={form.subnetId}
            aria-invalid={error ? true : undefined}
            onChange={(e) => model.chooseSubnet(e.currentTarget.value)}
          >
            <option value="">
              {t(required || form.vpcId ? 'launchNetChooseSubnet' : 'launchNetNoSubnet')}
            </option>
            {form.subnetId && !subnet && <option value={form.subnetId}>{form.subnetId}</option>}
            {subnets.map((s) => (
              <option key={s.subnetId} value={s.subnetId}>
                {subnetLabel(s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {form.subnetId ? (
        <>
          <Checkbox
            id="launch-public-ip"
            label={t('launchNetPublicIp')}
            checked={form.publicIp}
            onChecked={(on) => model.change({ publicIp: on })}
          />
          {subnet?.mapPublicIpOnLaunch && <p class="muted">{t('launchNetPublicIpDefault')}</p>}
        </>
      ) : (
        <p class="muted">{t('launchNetPublicIpNeedsSubnet')}</p>
      )}
    </fieldset>
  );
}
