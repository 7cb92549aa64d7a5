// An object's ACL as the permissions dialog shows it (grants, and which canned ACL they are), set
// as private or public-read, and carried over when a copy rewrites an object.

import type { CloudErrorData } from '../../cloud/errors';
import {
  type CannedAcl,
  type CopyObjectOptions,
  copyObject,
  getObjectAcl,
  type ObjectAcl,
  putObjectAcl,
} from '../../cloud/s3';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

export type CannedMatch = 'private' | 'public-read' | 'other';

export interface GrantView {
  /** Who, as the server names them: display name, e-mail, group URI or canonical ID. */
  grantee: string;
  kind: 'user' | 'group' | 'email';
  /** Set for groups (AllUsers, AuthenticatedUsers, LogDelivery). */
  uri?: string;
  id?: string;
  permission: string;
}

export interface AclView {
  owner: string;
  ownerId: string;
  grants: GrantView[];
  canned: CannedMatch;
}

/**
 * Which canned ACL the grants are: private is the owner's FULL_CONTROL alone, public-read that
 * plus READ for AllUsers. Anything more or less is "other".
 */
export function matchCannedAcl(acl: Pick<ObjectAcl, 'owner' | 'grants'>): CannedMatch {
  const owner = acl.owner.id;
  const isOwner = (g: ObjectAcl['grants'][number]) => !!owner && g.grantee.id === owner;
  const ownerFull = acl.grants.some((g) => isOwner(g) && g.permission === 'FULL_CONTROL');
  const others = acl.grants.filter((g) => !isOwner(g));
  // No grants at all: only the owner, who always may, has access.
  if (acl.grants.length === 0) return 'private';
  if (!ownerFull || acl.grants.some((g) => isOwner(g) && g.permission !== 'FULL_CONTROL'))
    return 'other';
  if (others.length === 0) return 'private';
  const publicRead =
    others.length === 1 && others[0]?.grantee.uri === ALL_USERS && others[0].permission === 'READ';
  return publicRead ? 'public-read' : 'other';
}

export function aclView(acl: ObjectAcl): AclView {
  return {
    owner: acl.owner.displayName || acl.owner.id,
    ownerId: acl.owner.id,
    grants: acl.grants.map((g) => {
      const view: GrantView = {
        grantee:
          g.grantee.uri ?? g.grantee.displayName ?? g.grantee.emailAddress ?? g.grantee.id ?? '',
        kind: g.grantee.uri ? 'group' : g.grantee.emailAddress ? 'email' : 'user',
        permission: g.permission,
      };
      if (g.grantee.uri) view.uri = g.grantee.uri;
      if (g.grantee.id) view.id = g.grantee.id;
      return view;
    }),
    canned: matchCannedAcl(acl),
  };
}

/**
 * A refusal meaning the bucket or store has no ACLs at all: AWS buckets whose Object Ownership is
 * "bucket owner enforced" (AccessControlListNotSupported), stores without ACLs (NotImplemented).
 */
export function aclsOff(error: CloudErrorData): boolean {
  return (
    error.code === 'AccessControlListNotSupported' ||
    error.code === 'NotImplemented' ||
    error.status === 501
  );
}

export async function readAcl(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
): Promise<AclView> {
  return aclView(await getObjectAcl(profile, signer, bucket, key));
}

export async function setCannedAcl(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
  acl: Extract<CannedAcl, 'private' | 'public-read'>,
): Promise<void> {
  await putObjectAcl(profile, signer, bucket, key, acl);
}

/**
 * A copy that carries `acl` where the destination takes ACLs; a destination bucket without ACLs
 * refuses any x-amz-acl, so there the copy goes again without it.
 */
export async function copyWithAcl(
  { profile, signer }: CurrentProfile,
  fromBucket: string,
  source: string,
  toBucket: string,
  target: string,
  acl: CannedAcl | undefined,
  opts: CopyObjectOptions,
) {
  if (acl) {
    try {
      return await copyObject(profile, signer, fromBucket, source, toBucket, target, {
        ...opts,
        acl,
      });
    } catch (error) {
      if (!aclsOff(asError(error))) throw error;
    }
  }
  return copyObject(profile, signer, fromBucket, source, toBucket, target, opts);
}

/** The canned ACL to give a rewritten copy so it stays public; nothing when ACLs cannot be read. */
export async function keptAcl(
  { profile, signer }: CurrentProfile,
  bucket: string,
  key: string,
): Promise<CannedAcl | undefined> {
  try {
    const acl = await getObjectAcl(profile, signer, bucket, key);
    return matchCannedAcl(acl) === 'public-read' ? 'public-read' : undefined;
  } catch {
    return undefined;
  }
}
