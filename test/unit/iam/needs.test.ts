import { describe, expect, test } from 'vitest';
import { isAccessDenied, permissionFor, taskOf } from '../../../src/cloud/iam/needs';
import { explain, TASK_TEXT } from '../../../src/panels/iam/iam-calls';

describe('what a refused IAM action needs', () => {
  test('each action maps to its permission and the work it is part of', () => {
    expect(permissionFor('ListUsers')).toBe('iam:ListUsers');
    const cases: Array<[string, string]> = [
      ['ListUsers', 'listUsers'],
      ['GetUser', 'readUser'],
      ['CreateUser', 'changeUser'],
      ['ListGroups', 'listGroups'],
      ['GetGroup', 'readGroup'],
      ['AddUserToGroup', 'changeGroup'],
      ['ListRoles', 'listRoles'],
      ['CreateRole', 'changeRole'],
      ['ListPolicies', 'listPolicies'],
      ['GetPolicyVersion', 'readPolicy'],
      ['CreatePolicyVersion', 'changePolicy'],
      ['CreateAccessKey', 'accessKeys'],
      ['GetAccessKeyLastUsed', 'accessKeys'],
      ['UpdateLoginProfile', 'password'],
      ['ListAccounts', 'accounts'],
      // The per-principal policy actions go with their principal.
      ['ListUserPolicies', 'readUser'],
      ['PutUserPolicy', 'changeUser'],
      ['ListAttachedGroupPolicies', 'readGroup'],
      ['AttachGroupPolicy', 'changeGroup'],
      ['GetRolePolicy', 'readRole'],
      ['DetachRolePolicy', 'changeRole'],
      ['SomethingNew', 'other'],
    ];
    for (const [action, task] of cases) expect([action, taskOf(action)]).toEqual([action, task]);
    // Every task has words.
    for (const [, task] of cases) expect(TASK_TEXT[task as keyof typeof TASK_TEXT]).toBeTruthy();
  });

  test('AWS and Eucalyptus refusals count; other errors do not', () => {
    expect(isAccessDenied({ code: 'AccessDenied', message: '' })).toBe(true);
    expect(isAccessDenied({ code: 'NotAuthorized', message: '' })).toBe(true);
    expect(isAccessDenied({ code: 'NoSuchEntity', message: '' })).toBe(false);
    expect(isAccessDenied(null)).toBe(false);
  });

  test('a refusal is reworded to name the permission; the code and request id stay', () => {
    const said = explain(
      { code: 'AccessDenied', message: 'User: arn:... is not authorized', requestId: 'r1' },
      'ListUsers',
    );
    expect(said.code).toBe('AccessDenied');
    expect(said.requestId).toBe('r1');
    // The fake browser's i18n answers with the key; the permission is the substitution.
    expect(said.message).toBe('iamNeeds');
    // IAM's own 404 is an answer, not a missing service.
    const other = explain(
      { code: 'NoSuchEntity', message: 'no such user', status: 404 },
      'GetUser',
    );
    expect(other).toEqual({ code: 'NoSuchEntity', message: 'no such user', status: 404 });
  });

  test('a cloud without IAM says so; a cloud without one action names it', () => {
    expect(explain({ code: 'InvalidAction', message: 'x' }, 'ListUsers').code).toBe('NoIam');
    expect(explain({ code: 'NoEndpoint', message: 'x' }, 'ListRoles').code).toBe('NoIam');
    expect(explain({ code: 'NotFound', message: 'x', status: 404 }, 'ListUsers').code).toBe(
      'NoIam',
    );
    // Euare without managed policies: the code stays (the view disables what needs it).
    expect(explain({ code: 'InvalidAction', message: 'x' }, 'ListPolicies')).toEqual({
      code: 'InvalidAction',
      message: 'iamActionUnsupported',
    });
  });
});
