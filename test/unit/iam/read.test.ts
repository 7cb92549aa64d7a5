import { expect, test } from 'vitest';
import { createAccessKey, listAccounts, listUsers } from '../../../src/cloud/iam';
import { listInlinePolicies } from '../../../src/cloud/iam/inline-policies';
import { decodeDocument } from '../../../src/cloud/iam/read';
import { checkPolicy } from '../../../src/cloud/policy-check';
import { child, isElement, parseXml, root, type XmlValue } from '../../../src/cloud/xml';
import { isAccountId, trustPolicy } from '../../../src/panels/iam/policy-templates';

/** The <XxxResult> element of a response, as the Query client hands it to `read`. */
const result = (xml: string): XmlValue => {
  const doc = root(parseXml(xml)).value;
  const name = isElement(doc) ? (Object.keys(doc).find((k) => k.endsWith('Result')) ?? '') : '';
  return child(doc, name) ?? '';
};

test('a list reads its members and the Marker only while IsTruncated', () => {
  const page = result(`<ListUsersResponse><ListUsersResult><Users>
    <member><Path>/</Path><UserName>alice</UserName><UserId>AIDA1</UserId>
    <Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>
    </Users><IsTruncated>true</IsTruncated><Marker>m1</Marker></ListUsersResult></ListUsersResponse>`);
  expect(listUsers.items(page).map((u) => u.userName)).toEqual(['alice']);
  expect(listUsers.next(page)).toBe('m1');
  expect(listUsers.nextParam).toBe('Marker');
  const last = result(
    '<ListUsersResponse><ListUsersResult><Users/><IsTruncated>false</IsTruncated><Marker>x</Marker></ListUsersResult></ListUsersResponse>',
  );
  expect(listUsers.items(last)).toEqual([]);
  expect(listUsers.next(last)).toBe('');
});

test('policy names are text members', () => {
  const page = result(`<ListUserPoliciesResponse><ListUserPoliciesResult><PolicyNames>
    <member>a</member><member>b</member></PolicyNames><IsTruncated>false</IsTruncated>
    </ListUserPoliciesResult></ListUserPoliciesResponse>`);
  expect(listInlinePolicies('User').items(page)).toEqual(['a', 'b']);
  expect(listInlinePolicies('User').params({ kind: 'User', name: 'alice' })).toEqual([
    ['UserName', 'alice'],
  ]);
});

test('CreateAccessKey carries the secret; Eucalyptus accounts read as euca2ools prints them', () => {
  const key = createAccessKey.read(
    result(`<CreateAccessKeyResponse><CreateAccessKeyResult><AccessKey><UserName>bob</UserName>
    <AccessKeyId>AKIAX</AccessKeyId><Status>Active</Status><SecretAccessKey>s/e+cret</SecretAccessKey>
    </AccessKey></CreateAccessKeyResult></CreateAccessKeyResponse>`),
  );
  expect(key).toMatchObject({ userName: 'bob', accessKeyId: 'AKIAX', secretAccessKey: 's/e+cret' });
  expect(createAccessKey.params({ userName: 'admin', delegateAccount: 'dev' })).toEqual([
    ['UserName', 'admin'],
    ['DelegateAccount', 'dev'],
  ]);
  const accounts = listAccounts.items(
    result(`<ListAccountsResponse><ListAccountsResult><Accounts><member>
    <AccountName>eucalyptus</AccountName><AccountId>000000000001</AccountId></member>
    </Accounts></ListAccountsResult></ListAccountsResponse>`),
  );
  expect(accounts).toEqual([{ accountName: 'eucalyptus', accountId: '000000000001' }]);
});

test('documents are decoded when URL-encoded and kept when already JSON', () => {
  expect(decodeDocument('%7B%22Version%22%3A%222012-10-17%22%7D')).toBe('{"Version":"2012-10-17"}');
  expect(decodeDocument('{"a":"100%"}')).toBe('{"a":"100%"}');
  expect(decodeDocument('%E0%A4%A')).toBe('%E0%A4%A');
});

test('trust templates are valid trust policies (a Principal, no Resource)', () => {
  expect(checkPolicy(trustPolicy('ec2'), 'trust').ok).toBe(true);
  expect(checkPolicy(trustPolicy('account', '123456789012'), 'trust').ok).toBe(true);
  // An identity policy may not name a principal; a trust policy must.
  expect(checkPolicy(trustPolicy('ec2'), 'identity').ok).toBe(false);
  expect(
    checkPolicy(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}',
      'trust',
    ).ok,
  ).toBe(false);
  expect(isAccountId('123456789012')).toBe(true);
  expect(isAccountId('12345')).toBe(false);
});
