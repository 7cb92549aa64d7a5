import { expect, test } from 'vitest';
import { type PolicyVersion, versionToDelete } from '../../../src/cloud/iam';

const v = (id: string, created: string, isDefault = false): PolicyVersion => ({
  versionId: id,
  createDate: created,
  isDefaultVersion: isDefault,
  document: '',
});

test('there is room below five versions', () => {
  expect(versionToDelete([])).toBeNull();
  expect(
    versionToDelete([1, 2, 3, 4].map((n) => v(`v${n}`, `2024-01-0${n}T00:00:00Z`, n === 4))),
  ).toBeNull();
});

test('at five, the oldest non-default version goes, even when the default is the oldest', () => {
  const five = [
    v('v3', '2024-01-03T00:00:00Z'),
    v('v1', '2024-01-01T00:00:00Z', true),
    v('v5', '2024-01-05T00:00:00Z'),
    v('v2', '2024-01-02T00:00:00Z'),
    v('v4', '2024-01-04T00:00:00Z'),
  ];
  expect(versionToDelete(five)?.versionId).toBe('v2');
});

test('versions made in the same instant go by number, v2 before v10', () => {
  const same = '2024-01-01T00:00:00Z';
  const five = [v('v10', same), v('v9', same, true), v('v11', same), v('v2', same), v('v12', same)];
  expect(versionToDelete(five)?.versionId).toBe('v2');
});
