import {
  type Address,
  allocateAddress,
  associateAddress,
  describeAddresses,
  disassociateAddress,
  ec2Call,
  ec2List,
  releaseAddress,
} from '../../cloud/ec2';
import { loadInstanceChoices } from '../components/instance-choices';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import { createTagging } from '../components/tagging';
import type { ModelDeps } from '../model-deps';

export type AddressesDialog =
  | { kind: 'allocate' }
  | { kind: 'associate'; key: string }
  | { kind: 'release'; keys: string[] }
  | { kind: 'tags'; keys: string[] };

export type Domain = 'standard' | 'vpc';

/** A row's key: the allocation id of a VPC address, else its public IP. */
export const addressKey = (a: Address): string => a.allocationId || a.publicIp;

/** VPC addresses go by allocation id, standard (EC2-Classic, Eucalyptus) ones by public IP. */
export function isVpc(a: Address): boolean {
  return a.domain === 'vpc' && !!a.allocationId;
}

export function createAddressesModel(deps: ModelDeps) {
  const list = createResourceList<Address>({
    fetch: ({ profile, signer }) => ec2List(describeAddresses, profile, signer, {}),
    key: addressKey,
  });
  const panel = createResourcePanel<AddressesDialog>(deps, [list]);
  const search = createListSearch(
    list.rows,
    (a) =>
      `${a.publicIp}\n${a.allocationId}\n${a.instanceId}\n${a.associationId}\n${a.domain}\n${a.privateIpAddress}`,
    (a) => a.tags,
  );
  const find = (key: string) => list.rows.value.find((a) => addressKey(a) === key);

  return {
    ...panel,
    list,
    search,
    /** Tags go by allocation id: EC2-Classic and Eucalyptus addresses have none to tag. */
    tagging: createTagging(panel),
    find,
    /** The domain a new address gets unless the user picks another. */
    defaultDomain: (): Domain =>
      panel.current()?.profile.kind === 'eucalyptus' ? 'standard' : 'vpc',
    runningInstances() {
      const current = panel.current();
      return current ? loadInstanceChoices(current, ['running']) : Promise.resolve([]);
    },
    allocate: (domain: Domain) =>
      panel.act(async ({ profile, signer }) => {
        const got = await ec2Call(allocateAddress, profile, signer, { domain });
        return { key: 'addressAllocated', args: [got.publicIp] };
      }),
    associate: (address: Address, instanceId: string) =>
      panel.act(async ({ profile, signer }) => {
        const which = isVpc(address)
          ? { allocationId: address.allocationId }
          : { publicIp: address.publicIp };
        await ec2Call(associateAddress, profile, signer, { ...which, instanceId });
        return { key: 'addressAssociated', args: [address.publicIp, instanceId] };
      }),
    disassociate: (address: Address) =>
      panel.act(async ({ profile, signer }) => {
        const which =
          isVpc(address) && address.associationId
            ? { associationId: address.associationId }
            : { publicIp: address.publicIp };
        await ec2Call(disassociateAddress, profile, signer, which);
        return { key: 'addressDisassociated', args: [address.publicIp] };
      }),
    release: (keys: string[]) =>
      panel.act(async ({ profile, signer }) => {
        const ips: string[] = [];
        for (const key of keys) {
          const address = find(key);
          if (!address) continue;
          const which = isVpc(address)
            ? { allocationId: address.allocationId }
            : { publicIp: address.publicIp };
          await ec2Call(releaseAddress, profile, signer, which);
          ips.push(address.publicIp);
        }
        return { key: 'addressesReleased', args: [ips.join(', ')] };
      }),
    dispose() {
      panel.dispose();
      search.dispose();
    },
  };
}

export type AddressesModel = ReturnType<typeof createAddressesModel>;
