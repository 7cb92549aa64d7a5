// The tag editor's arithmetic: rows for one or many resources, what AWS would refuse, and the
// fewest CreateTags / DeleteTags calls for an edit.

import { describe, expect, test } from 'vitest';
import {
  MAX_RESOURCES_PER_CALL,
  partialKeys,
  planTagChanges,
  startRows,
  type TaggedResource,
  type TagRow,
} from '../../../src/panels/components/tag-changes';
import { createTagEditor } from '../../../src/panels/components/tag-editor-model';

const res = (id: string, tags: Record<string, string>): TaggedResource => ({
  id,
  tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
});

/** The rows after `edit`, as the editor would hold them. */
function edited(resources: TaggedResource[], edit: (rows: TagRow[]) => TagRow[]): TagRow[] {
  return edit(startRows(resources));
}

const newRow = (id: number, key: string, value: string): TagRow => ({
  id,
  key,
  value,
  original: null,
  mixed: false,
  reserved: false,
});

describe('startRows', () => {
  test('one resource: its tags, in order', () => {
    const rows = startRows([res('i-1', { Name: 'web', Env: 'prod' })]);
    expect(rows.map((r) => [r.key, r.value, r.mixed])).toEqual([
      ['Name', 'web', false],
      ['Env', 'prod', false],
    ]);
  });

  test('many: keys common to all, mixed where values differ; others are partial', () => {
    const resources = [
      res('v-1', { Env: 'prod', Name: 'a', Owner: 'kim' }),
      res('v-2', { Env: 'prod', Name: 'b' }),
    ];
    expect(startRows(resources).map((r) => [r.key, r.value, r.mixed])).toEqual([
      ['Env', 'prod', false],
      ['Name', '', true],
    ]);
    expect(partialKeys(resources)).toEqual(['Owner']);
  });

  test('aws: tags are reserved', () => {
    const [row] = startRows([res('i-1', { 'aws:cloudformation:stack-name': 's' })]);
    expect(row?.reserved).toBe(true);
  });
});

describe('planTagChanges for one resource', () => {
  const one = [res('i-1', { Name: 'web', Env: 'prod', Old: 'x' })];

  test('nothing edited: no calls', () => {
    expect(planTagChanges(one, startRows(one))).toEqual({
      problems: [],
      plan: { remove: [], create: [] },
    });
  });

  test('add, change and remove make one DeleteTags and one CreateTags', () => {
    const rows = edited(one, (rows) => [
      ...rows
        .filter((r) => r.key !== 'Old')
        .map((r) => (r.key === 'Env' ? { ...r, value: 'dev' } : r)),
      newRow(9, 'Team', 'blue'),
    ]);
    expect(planTagChanges(one, rows)).toEqual({
      problems: [],
      plan: {
        remove: [{ resources: ['i-1'], tags: [{ key: 'Old' }] }],
        create: [
          {
            resources: ['i-1'],
            tags: [
              { key: 'Env', value: 'dev' },
              { key: 'Team', value: 'blue' },
            ],
          },
        ],
      },
    });
  });

  test('a renamed key deletes the old one and creates the new one', () => {
    const rows = edited(one, (rows) =>
      rows.map((r) => (r.key === 'Old' ? { ...r, key: ' New ' } : r)),
    );
    expect(planTagChanges(one, rows).plan).toEqual({
      remove: [{ resources: ['i-1'], tags: [{ key: 'Old' }] }],
      create: [{ resources: ['i-1'], tags: [{ key: 'New', value: 'x' }] }],
    });
  });

  test('two keys swapped: both set, none deleted', () => {
    const two = [res('i-1', { A: '1', B: '2' })];
    const rows = edited(two, (rows) => rows.map((r) => ({ ...r, key: r.key === 'A' ? 'B' : 'A' })));
    expect(planTagChanges(two, rows).plan).toEqual({
      remove: [],
      create: [
        {
          resources: ['i-1'],
          tags: [
            { key: 'B', value: '1' },
            { key: 'A', value: '2' },
          ],
        },
      ],
    });
  });

  test('a removed key typed again with its value changes nothing; a blank new row is ignored', () => {
    const rows = edited(one, (rows) => [
      ...rows.filter((r) => r.key !== 'Env'),
      newRow(7, 'Env', 'prod'),
      newRow(8, '', ''),
    ]);
    expect(planTagChanges(one, rows)).toEqual({
      problems: [],
      plan: { remove: [], create: [] },
    });
  });

  test('an empty value is a value', () => {
    const rows = edited(one, (rows) =>
      rows.map((r) => (r.key === 'Env' ? { ...r, value: '' } : r)),
    );
    expect(planTagChanges(one, rows).plan.create).toEqual([
      { resources: ['i-1'], tags: [{ key: 'Env', value: '' }] },
    ]);
  });

  test('aws: tags are never deleted or changed, though shown', () => {
    const stack = [res('i-1', { 'aws:cloudformation:stack-name': 's', Env: 'prod' })];
    const rows = edited(stack, () => []);
    expect(planTagChanges(stack, rows).plan).toEqual({
      remove: [{ resources: ['i-1'], tags: [{ key: 'Env' }] }],
      create: [],
    });
  });
});

describe('planTagChanges for many resources', () => {
  const many = [
    res('v-1', { Env: 'prod', Name: 'a', Owner: 'kim' }),
    res('v-2', { Env: 'prod', Name: 'b' }),
    res('v-3', { Env: 'dev', Name: 'c' }),
  ];

  test('a changed value is set on all that differ, in one call', () => {
    const rows = edited(many, (rows) =>
      rows.map((r) => (r.key === 'Env' ? { ...r, value: 'prod', mixed: false } : r)),
    );
    expect(planTagChanges(many, rows).plan).toEqual({
      remove: [],
      create: [{ resources: ['v-3'], tags: [{ key: 'Env', value: 'prod' }] }],
    });
    const staging = edited(many, (rows) =>
      rows.map((r) => (r.key === 'Env' ? { ...r, value: 'staging', mixed: false } : r)),
    );
    expect(planTagChanges(many, staging).plan.create).toEqual([
      { resources: ['v-1', 'v-2', 'v-3'], tags: [{ key: 'Env', value: 'staging' }] },
    ]);
  });

  test('a removed key goes from all; untouched differing and partial keys stay', () => {
    const rows = edited(many, (rows) => rows.filter((r) => r.key !== 'Env'));
    expect(planTagChanges(many, rows).plan).toEqual({
      remove: [{ resources: ['v-1', 'v-2', 'v-3'], tags: [{ key: 'Env' }] }],
      create: [],
    });
  });

  test('a new tag on all, in one call with one other change for the same resources', () => {
    const rows = edited(many, (rows) => [
      ...rows.map((r) => (r.key === 'Name' ? { ...r, value: 'same', mixed: false } : r)),
      newRow(5, 'Team', 'blue'),
    ]);
    expect(planTagChanges(many, rows).plan).toEqual({
      remove: [],
      create: [
        {
          resources: ['v-1', 'v-2', 'v-3'],
          tags: [
            { key: 'Name', value: 'same' },
            { key: 'Team', value: 'blue' },
          ],
        },
      ],
    });
  });

  test('renaming a key whose values differ keeps each value', () => {
    const rows = edited(many, (rows) =>
      rows.map((r) => (r.key === 'Name' ? { ...r, key: 'Label' } : r)),
    );
    expect(planTagChanges(many, rows).plan).toEqual({
      remove: [{ resources: ['v-1', 'v-2', 'v-3'], tags: [{ key: 'Name' }] }],
      create: [
        { resources: ['v-1'], tags: [{ key: 'Label', value: 'a' }] },
        { resources: ['v-2'], tags: [{ key: 'Label', value: 'b' }] },
        { resources: ['v-3'], tags: [{ key: 'Label', value: 'c' }] },
      ],
    });
  });

  test('a new key some already have with that value is set only on the others', () => {
    const rows = edited(many, (rows) => [...rows, newRow(5, 'Owner', 'kim')]);
    expect(planTagChanges(many, rows).plan.create).toEqual([
      { resources: ['v-2', 'v-3'], tags: [{ key: 'Owner', value: 'kim' }] },
    ]);
  });

  test(`calls carry at most ${MAX_RESOURCES_PER_CALL} resource ids`, () => {
    const lots = Array.from({ length: 2_500 }, (_, i) => res(`v-${i}`, {}));
    const { plan } = planTagChanges(lots, [newRow(1, 'Env', 'prod')]);
    expect(plan.create.map((c) => c.resources.length)).toEqual([1000, 1000, 500]);
    expect(plan.create[2]?.resources[0]).toBe('v-2000');
  });
});

describe('what AWS would refuse', () => {
  const one = [res('i-1', { Env: 'prod' })];

  test('key 1-128 characters, value at most 256, no aws: prefix, no duplicate', () => {
    const rows = [
      ...startRows(one),
      newRow(1, '', 'orphan'),
      newRow(2, 'k'.repeat(129), 'v'),
      newRow(3, 'AWS:thing', 'v'),
      newRow(4, 'Env', 'again'),
      newRow(5, 'Long', 'v'.repeat(257)),
      newRow(6, 'k'.repeat(128), 'v'.repeat(256)),
    ];
    expect(planTagChanges(one, rows)).toEqual({
      problems: [
        { row: 1, field: 'key', code: 'keyRequired' },
        { row: 2, field: 'key', code: 'keyTooLong' },
        { row: 3, field: 'key', code: 'keyReserved' },
        { row: 4, field: 'key', code: 'keyDuplicate' },
        { row: 5, field: 'value', code: 'valueTooLong' },
      ],
      plan: { remove: [], create: [] },
    });
  });

  test('a key renamed onto another row is the duplicate, not the key that was there', () => {
    const two = [res('i-1', { A: '1', B: '2' })];
    const rows = edited(two, (rows) => rows.map((r) => (r.key === 'A' ? { ...r, key: 'B' } : r)));
    expect(planTagChanges(two, rows).problems).toEqual([
      { row: 0, field: 'key', code: 'keyDuplicate' },
    ]);
  });

  test('at most 50 tags on a resource, aws: tags not counted', () => {
    const full: Record<string, string> = { 'aws:x': '1' };
    for (let i = 0; i < 49; i++) full[`k${i}`] = 'v';
    const resources = [res('v-full', full), res('v-empty', {})];
    const fifty = planTagChanges(resources, [newRow(100, 'Env', 'prod')]);
    expect(fifty.problems).toEqual([]);
    const fiftyOne = planTagChanges(resources, [
      newRow(100, 'Env', 'prod'),
      newRow(101, 'Team', 'blue'),
    ]);
    expect(fiftyOne.problems).toEqual([
      { row: null, code: 'tooMany', resource: 'v-full', count: 51 },
    ]);
  });
});

describe('the editor model', () => {
  test('keeps what was typed when refused, and shows problems only once a save was tried', () => {
    const editor = createTagEditor([res('i-1', { Env: 'prod' })]);
    editor.add();
    const added = editor.rows.value[1]?.id ?? -1;
    editor.setKey(added, 'aws:nope');
    editor.setValue(added, 'x');
    expect(editor.problems.value).toEqual([]);
    expect(editor.plan()).toBeNull();
    expect(editor.problems.value).toEqual([{ row: added, field: 'key', code: 'keyReserved' }]);
    expect(editor.rows.value[1]).toMatchObject({ key: 'aws:nope', value: 'x' });
    editor.setKey(added, 'Team');
    expect(editor.problems.value).toEqual([]);
    expect(editor.plan()).toEqual({
      remove: [],
      create: [{ resources: ['i-1'], tags: [{ key: 'Team', value: 'x' }] }],
    });
  });

  test('typing a mixed value makes it one value; reserved rows do not change', () => {
    const editor = createTagEditor([
      res('v-1', { Name: 'a', 'aws:x': '1' }),
      res('v-2', { Name: 'b', 'aws:x': '1' }),
    ]);
    const [name, reserved] = editor.rows.value;
    expect(name?.mixed).toBe(true);
    expect(editor.changed.value).toBe(false);
    editor.setValue(name?.id ?? -1, 'same');
    expect(editor.rows.value[0]).toMatchObject({ value: 'same', mixed: false });
    expect(editor.changed.value).toBe(true);
    editor.setKey(reserved?.id ?? -1, 'other');
    editor.remove(reserved?.id ?? -1);
    expect(editor.rows.value[1]).toMatchObject({ key: 'aws:x', reserved: true });
  });
});
