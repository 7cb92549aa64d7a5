import { describe, expect, test } from 'vitest';
import type { ObjectAcl } from '../../../src/cloud/s3';
import {
  ALL_USERS,
  AUTHENTICATED_USERS,
  aclsOff,
  aclView,
  matchCannedAcl,
} from '../../../src/panels/s3/acl-ops';

describe('ACLs', () => {
  const owner = { id: 'abc123', displayName: 'me' };
  const ownerFull = {
    grantee: { type: 'CanonicalUser', id: 'abc123' },
    permission: 'FULL_CONTROL',
  };
  const group = (uri: string, permission: string) => ({
    grantee: { type: 'Group', uri },
    permission,
  });
  const acl = (grants: ObjectAcl['grants']): ObjectAcl => ({ owner, grants, canned: 'custom' });

  test('owner alone is private; plus AllUsers READ is public-read', () => {
    expect(matchCannedAcl(acl([ownerFull]))).toBe('private');
    expect(matchCannedAcl(acl([]))).toBe('private');
    expect(matchCannedAcl(acl([ownerFull, group(ALL_USERS, 'READ')]))).toBe('public-read');
  });

  test('anything else is other', () => {
    expect(matchCannedAcl(acl([ownerFull, group(ALL_USERS, 'WRITE')]))).toBe('other');
    expect(matchCannedAcl(acl([ownerFull, group(AUTHENTICATED_USERS, 'READ')]))).toBe('other');
    expect(
      matchCannedAcl(acl([ownerFull, group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')])),
    ).toBe('other');
    expect(matchCannedAcl(acl([group(ALL_USERS, 'READ')]))).toBe('other');
    expect(
      matchCannedAcl(
        acl([ownerFull, { grantee: { type: 'CanonicalUser', id: 'other' }, permission: 'READ' }]),
      ),
    ).toBe('other');
    expect(
      matchCannedAcl(
        acl([{ grantee: { type: 'CanonicalUser', id: 'abc123' }, permission: 'READ' }]),
      ),
    ).toBe('other');
  });

  test('the view names grantees the way the server does', () => {
    const view = aclView(
      acl([
        {
          grantee: { type: 'CanonicalUser', id: 'abc123', displayName: 'me' },
          permission: 'FULL_CONTROL',
        },
        group(ALL_USERS, 'READ'),
        {
          grantee: { type: 'AmazonCustomerByEmail', emailAddress: 'a@example.com' },
          permission: 'READ',
        },
      ]),
    );
    expect(view).toEqual({
      owner: 'me',
      ownerId: 'abc123',
      canned: 'other',
      grants: [
        { grantee: 'me', kind: 'user', id: 'abc123', permission: 'FULL_CONTROL' },
        { grantee: ALL_USERS, kind: 'group', uri: ALL_USERS, permission: 'READ' },
        { grantee: 'a@example.com', kind: 'email', permission: 'READ' },
      ],
    });
  });

  test('ACLs off: AccessControlListNotSupported, NotImplemented, 501; not AccessDenied', () => {
    expect(aclsOff({ code: 'AccessControlListNotSupported', message: '', status: 400 })).toBe(true);
    expect(aclsOff({ code: 'NotImplemented', message: '', status: 501 })).toBe(true);
    expect(aclsOff({ code: 'HttpError', message: '', status: 501 })).toBe(true);
    expect(aclsOff({ code: 'AccessDenied', message: '', status: 403 })).toBe(false);
  });
});
