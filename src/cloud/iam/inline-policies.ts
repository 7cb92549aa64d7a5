// Inline policies of a user, group or role: the same four actions for each kind of principal
// (ListUserPolicies, GetGroupPolicy, PutRolePolicy…), named by the principal's kind.

import type { QueryListOperation, QueryOperation } from '../query';
import { list, path, text, type XmlValue } from '../xml';
import { iamAction } from './operation';
import { decodeDocument, nextMarker } from './read';
import type { Principal, PrincipalKind } from './types';

const nameParam = (p: Principal) => ({ [`${p.kind}Name`]: p.name });

function policyNames(result: XmlValue): string[] {
  return list(path(result, 'PolicyNames', 'member')).map(text);
}

const listOps = new Map<PrincipalKind, QueryListOperation<Principal, string>>();

/** ListUserPolicies / ListGroupPolicies / ListRolePolicies: the names, paged with Marker. */
export function listInlinePolicies(kind: PrincipalKind): QueryListOperation<Principal, string> {
  let op = listOps.get(kind);
  if (!op) {
    const base = iamAction({ action: `List${kind}Policies`, readOnly: true, params: nameParam });
    op = { ...base, read: policyNames, items: policyNames, next: nextMarker, nextParam: 'Marker' };
    listOps.set(kind, op);
  }
  return op;
}

interface Named extends Principal {
  policyName: string;
}

export function getInlinePolicy(kind: PrincipalKind): QueryOperation<Named, string> {
  return iamAction({
    action: `Get${kind}Policy`,
    readOnly: true,
    params: (input: Named) => ({ ...nameParam(input), PolicyName: input.policyName }),
    read: (result) => decodeDocument(text(path(result, 'PolicyDocument'))),
  });
}

export function putInlinePolicy(
  kind: PrincipalKind,
): QueryOperation<Named & { document: string }, void> {
  return iamAction({
    action: `Put${kind}Policy`,
    params: (input: Named & { document: string }) => ({
      ...nameParam(input),
      PolicyName: input.policyName,
      PolicyDocument: input.document,
    }),
  });
}

export function deleteInlinePolicy(kind: PrincipalKind): QueryOperation<Named, void> {
  return iamAction({
    action: `Delete${kind}Policy`,
    params: (input: Named) => ({ ...nameParam(input), PolicyName: input.policyName }),
  });
}
