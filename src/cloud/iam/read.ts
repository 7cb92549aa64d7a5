// Reading IAM answers: lists are `<Name><member>…</member></Name>`, booleans are words, and policy
// documents come URL-encoded (RFC 3986) from AWS and Eucalyptus alike.

import { elements, path, text, type XmlElement, type XmlValue } from '../xml';
import type {
  AccessKey,
  AccessKeyStatus,
  AttachedPolicy,
  EucaAccount,
  IamGroup,
  IamRole,
  IamUser,
  ManagedPolicy,
  PolicyVersion,
} from './types';

/** The `<member>` elements of a list below the result, e.g. members(result, 'Users'). */
export function members(result: XmlValue, name: string): XmlElement[] {
  return elements(path(result, name, 'member'));
}

/** The Marker of the next page, or '' on the last one. */
export function nextMarker(result: XmlValue): string {
  return text(path(result, 'IsTruncated')) === 'true' ? text(path(result, 'Marker')) : '';
}

const field = (el: XmlValue | undefined, name: string) => text(path(el, name));

/**
 * A policy document as JSON text. The IAM API sends documents URL-encoded; moto sends some as
 * they are. Text that already starts like JSON is kept; anything that fails to decode is kept too.
 */
export function decodeDocument(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith('{') || trimmed === '') return trimmed;
  try {
    return decodeURIComponent(trimmed.replace(/\+/g, '%20'));
  } catch {
    return trimmed;
  }
}

export function readUser(el: XmlValue | undefined): IamUser {
  return {
    userName: field(el, 'UserName'),
    userId: field(el, 'UserId'),
    arn: field(el, 'Arn'),
    path: field(el, 'Path'),
    createDate: field(el, 'CreateDate'),
    passwordLastUsed: field(el, 'PasswordLastUsed'),
  };
}

export function readGroup(el: XmlValue | undefined): IamGroup {
  return {
    groupName: field(el, 'GroupName'),
    groupId: field(el, 'GroupId'),
    arn: field(el, 'Arn'),
    path: field(el, 'Path'),
    createDate: field(el, 'CreateDate'),
  };
}

export function readRole(el: XmlValue | undefined): IamRole {
  return {
    roleName: field(el, 'RoleName'),
    roleId: field(el, 'RoleId'),
    arn: field(el, 'Arn'),
    path: field(el, 'Path'),
    createDate: field(el, 'CreateDate'),
    description: field(el, 'Description'),
    trustPolicy: decodeDocument(field(el, 'AssumeRolePolicyDocument')),
  };
}

export function readAccessKey(el: XmlValue | undefined): AccessKey {
  return {
    userName: field(el, 'UserName'),
    accessKeyId: field(el, 'AccessKeyId'),
    status: (field(el, 'Status') === 'Inactive' ? 'Inactive' : 'Active') as AccessKeyStatus,
    createDate: field(el, 'CreateDate'),
  };
}

export function readPolicy(el: XmlValue | undefined): ManagedPolicy {
  return {
    policyName: field(el, 'PolicyName'),
    policyId: field(el, 'PolicyId'),
    arn: field(el, 'Arn'),
    path: field(el, 'Path'),
    defaultVersionId: field(el, 'DefaultVersionId'),
    attachmentCount: field(el, 'AttachmentCount'),
    createDate: field(el, 'CreateDate'),
    updateDate: field(el, 'UpdateDate'),
    description: field(el, 'Description'),
  };
}

export function readPolicyVersion(el: XmlValue | undefined): PolicyVersion {
  return {
    versionId: field(el, 'VersionId'),
    isDefaultVersion: field(el, 'IsDefaultVersion') === 'true',
    createDate: field(el, 'CreateDate'),
    document: decodeDocument(field(el, 'Document')),
  };
}

export function readAttached(el: XmlValue | undefined): AttachedPolicy {
  return { policyName: field(el, 'PolicyName'), policyArn: field(el, 'PolicyArn') };
}

export function readAccount(el: XmlValue | undefined): EucaAccount {
  return { accountName: field(el, 'AccountName'), accountId: field(el, 'AccountId') };
}
