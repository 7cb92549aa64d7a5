// Object ACLs: read the grants, set a canned ACL. Buckets with Object Ownership "bucket owner
// enforced" refuse with AccessControlListNotSupported; that code goes through for the UI to explain.

import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, text } from '../xml';
import { requestIdOf, type S3CallOptions, s3Text } from './call';
import { expectRoot, readS3Xml } from './s3-xml';
import type { CannedAcl } from './types';

export interface Grantee {
  /** CanonicalUser, Group or AmazonCustomerByEmail. */
  type: string;
  id?: string;
  displayName?: string;
  uri?: string;
  emailAddress?: string;
}

export interface Grant {
  grantee: Grantee;
  /** FULL_CONTROL, READ, WRITE, READ_ACP, WRITE_ACP. */
  permission: string;
}

export interface ObjectAcl {
  owner: { id: string; displayName: string };
  grants: Grant[];
  /** public-read when everyone may read; private when only the owner has grants; else custom. */
  canned: 'private' | 'public-read' | 'custom';
}

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

export async function getObjectAcl(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  opts: S3CallOptions = {},
): Promise<ObjectAcl> {
  const response = await s3Text(
    profile,
    signer,
    { method: 'GET', bucket, key, query: [['acl', undefined]] },
    'safe',
    opts,
  );
  return parseAcl(response.text, response.status, requestIdOf(response.headers));
}

export function parseAcl(body: string, status = 200, requestId?: string): ObjectAcl {
  const doc = readS3Xml(body, status, requestId);
  expectRoot(doc, 'AccessControlPolicy');
  const owner = child(doc.value, 'Owner');
  const grants: Grant[] = elements(child(child(doc.value, 'AccessControlList'), 'Grant')).map(
    (grant) => {
      const node = child(grant, 'Grantee');
      const grantee: Grantee = { type: granteeType(node) };
      const fields = {
        id: 'ID',
        displayName: 'DisplayName',
        uri: 'URI',
        emailAddress: 'EmailAddress',
      } as const;
      for (const [field, name] of Object.entries(fields)) {
        const value = text(child(node, name));
        if (value) grantee[field as keyof typeof fields] = value;
      }
      return { grantee, permission: text(child(grant, 'Permission')) };
    },
  );
  const ownerId = text(child(owner, 'ID'));
  const publicRead = grants.some((g) => g.grantee.uri === ALL_USERS && g.permission === 'READ');
  const onlyOwner = grants.every((g) => g.grantee.id !== undefined && g.grantee.id === ownerId);
  return {
    owner: { id: ownerId, displayName: text(child(owner, 'DisplayName')) },
    grants,
    canned: publicRead && grants.length === 2 ? 'public-read' : onlyOwner ? 'private' : 'custom',
  };
}

// The xsi:type attribute is dropped by the parser; the fields present tell the kind apart.
function granteeType(node: ReturnType<typeof child>): string {
  if (text(child(node, 'URI'))) return 'Group';
  if (text(child(node, 'EmailAddress'))) return 'AmazonCustomerByEmail';
  return 'CanonicalUser';
}

export async function putObjectAcl(
  profile: Profile,
  signer: Signer,
  bucket: string,
  key: string,
  acl: CannedAcl,
  opts: S3CallOptions = {},
): Promise<void> {
  await s3Text(
    profile,
    signer,
    { method: 'PUT', bucket, key, query: [['acl', undefined]], headers: { 'x-amz-acl': acl } },
    'safe',
    opts,
  );
}
