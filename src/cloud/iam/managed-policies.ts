// Customer-managed policies: the account's own (Scope=Local), their versions, and attaching them
// to users, groups and roles.

import type { QueryListOperation, QueryOperation } from '../query';
import { path } from '../xml';
import { iamAction, iamList } from './operation';
import { readAttached, readPolicy, readPolicyVersion } from './read';
import type { AttachedPolicy, Principal, PrincipalKind } from './types';

/**
 * The account's own policies only: AWS's hundreds of managed ones are not edited here.
 * `maxItems` sets the page size (the cloud's default is 100).
 */
export const listLocalPolicies = iamList({
  action: 'ListPolicies',
  list: 'Policies',
  params: ({ maxItems }: { maxItems?: number }) => ({ Scope: 'Local', MaxItems: maxItems }),
  read: readPolicy,
});

export const getPolicy = iamAction({
  action: 'GetPolicy',
  readOnly: true,
  params: ({ policyArn }: { policyArn: string }) => ({ PolicyArn: policyArn }),
  read: (result) => readPolicy(path(result, 'Policy')),
});

export const getPolicyVersion = iamAction({
  action: 'GetPolicyVersion',
  readOnly: true,
  params: ({ policyArn, versionId }: { policyArn: string; versionId: string }) => ({
    PolicyArn: policyArn,
    VersionId: versionId,
  }),
  read: (result) => readPolicyVersion(path(result, 'PolicyVersion')),
});

export const listPolicyVersions = iamList({
  action: 'ListPolicyVersions',
  list: 'Versions',
  params: ({ policyArn }: { policyArn: string }) => ({ PolicyArn: policyArn }),
  read: readPolicyVersion,
});

export const createPolicy = iamAction({
  action: 'CreatePolicy',
  params: (input: { policyName: string; document: string; description?: string }) => ({
    PolicyName: input.policyName,
    PolicyDocument: input.document,
    Description: input.description || undefined,
  }),
  read: (result) => readPolicy(path(result, 'Policy')),
});

export const createPolicyVersion = iamAction({
  action: 'CreatePolicyVersion',
  params: (input: { policyArn: string; document: string; setAsDefault: boolean }) => ({
    PolicyArn: input.policyArn,
    PolicyDocument: input.document,
    SetAsDefault: input.setAsDefault,
  }),
  read: (result) => readPolicyVersion(path(result, 'PolicyVersion')),
});

export const deletePolicyVersion = iamAction({
  action: 'DeletePolicyVersion',
  params: ({ policyArn, versionId }: { policyArn: string; versionId: string }) => ({
    PolicyArn: policyArn,
    VersionId: versionId,
  }),
});

export const deletePolicy = iamAction({
  action: 'DeletePolicy',
  params: ({ policyArn }: { policyArn: string }) => ({ PolicyArn: policyArn }),
});

const attachedOps = new Map<PrincipalKind, QueryListOperation<Principal, AttachedPolicy>>();

/** ListAttachedUserPolicies / …GroupPolicies / …RolePolicies. */
export function listAttachedPolicies(
  kind: PrincipalKind,
): QueryListOperation<Principal, AttachedPolicy> {
  let op = attachedOps.get(kind);
  if (!op) {
    op = iamList({
      action: `ListAttached${kind}Policies`,
      list: 'AttachedPolicies',
      params: (p: Principal) => ({ [`${p.kind}Name`]: p.name }),
      read: readAttached,
    });
    attachedOps.set(kind, op);
  }
  return op;
}

type Attachment = Principal & { policyArn: string };

const attachmentParams = (a: Attachment) => ({ [`${a.kind}Name`]: a.name, PolicyArn: a.policyArn });

export function attachPolicy(kind: PrincipalKind): QueryOperation<Attachment, void> {
  return iamAction({ action: `Attach${kind}Policy`, params: attachmentParams });
}

export function detachPolicy(kind: PrincipalKind): QueryOperation<Attachment, void> {
  return iamAction({ action: `Detach${kind}Policy`, params: attachmentParams });
}
