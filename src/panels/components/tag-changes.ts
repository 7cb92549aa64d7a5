// What a tag editor shows for one or many resources, what AWS would refuse in it, and the fewest
// CreateTags / DeleteTags calls that turn the resources' tags into what was edited. Pure: the
// editor (tag-editor-model.ts) and the tests both drive it.

import type { Tag, TagInput } from '../../cloud/ec2';

/** A resource as the editor sees it: the id CreateTags takes, and its tags now. */
export interface TaggedResource {
  id: string;
  tags: readonly Tag[];
}

export interface TagRow {
  /** The row's identity on screen; never reused within one editor. */
  id: number;
  key: string;
  value: string;
  /** The key this row had when the editor opened; null for a row added since. */
  original: string | null;
  /** The resources have different values for this key, and the value was not edited. */
  mixed: boolean;
  /** An `aws:` tag: set by AWS, which refuses to change or remove it. */
  reserved: boolean;
}

export type TagProblemCode =
  | 'keyRequired'
  | 'keyTooLong'
  | 'keyReserved'
  | 'keyDuplicate'
  | 'valueTooLong';

export type TagProblem =
  | { row: number; field: 'key' | 'value'; code: TagProblemCode }
  /** The resource would carry more tags than AWS allows. */
  | { row: null; code: 'tooMany'; resource: string; count: number };

/** One call: these tags on (or off) these resources. */
export interface TagCall {
  resources: string[];
  tags: TagInput[];
}

export interface TagPlan {
  /** DeleteTags calls, made first: a renamed key leaves room for its new name. */
  remove: TagCall[];
  create: TagCall[];
}

// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions
export const MAX_KEY = 128;
export const MAX_VALUE = 256;
export const MAX_TAGS = 50;
/** CreateTags and DeleteTags take up to 1000 resource ids a call. */
export const MAX_RESOURCES_PER_CALL = 1000;

export const isReserved = (key: string) => key.toLowerCase().startsWith('aws:');

/** Keys every resource has, in the first resource's order. */
function commonKeys(resources: readonly TaggedResource[]): string[] {
  const [first, ...rest] = resources;
  if (!first) return [];
  return first.tags
    .map((t) => t.key)
    .filter((key) => rest.every((r) => r.tags.some((t) => t.key === key)));
}

const tagValue = (r: TaggedResource, key: string) => r.tags.find((t) => t.key === key)?.value;

/**
 * The rows the editor opens with: the keys all the resources have, each with its value, or
 * marked mixed where the values differ.
 */
export function startRows(resources: readonly TaggedResource[]): TagRow[] {
  return commonKeys(resources).map((key, id) => {
    const values = new Set(resources.map((r) => tagValue(r, key)));
    const mixed = values.size > 1;
    return {
      id,
      key,
      value: mixed ? '' : (tagValue(resources[0] as TaggedResource, key) ?? ''),
      original: key,
      mixed,
      reserved: isReserved(key),
    };
  });
}

/** Keys only some of the resources have: not shown as rows, and left as they are. */
export function partialKeys(resources: readonly TaggedResource[]): string[] {
  const common = new Set(commonKeys(resources));
  const out = new Set<string>();
  for (const r of resources) for (const t of r.tags) if (!common.has(t.key)) out.add(t.key);
  return [...out];
}

/** A new row left empty means nothing. */
const isBlank = (row: TagRow) => row.original === null && row.key.trim() === '' && row.value === '';

/** What AWS would refuse in the rows, each problem on its row and field. */
function rowProblems(rows: readonly TagRow[]): TagProblem[] {
  const problems: TagProblem[] = [];
  const uses = new Map<string, number>();
  for (const row of rows) {
    const key = row.key.trim();
    if (!isBlank(row)) uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  for (const row of rows) {
    if (isBlank(row)) continue;
    const key = row.key.trim();
    // Keys already on the resources are checked by the cloud that holds them (aws: ones too);
    // a duplicate is reported on the row that was typed, never on the key that was there.
    const keyChanged = row.original === null || key !== row.original;
    const bad: TagProblemCode | null = !keyChanged
      ? null
      : key === ''
        ? 'keyRequired'
        : key.length > MAX_KEY
          ? 'keyTooLong'
          : isReserved(key)
            ? 'keyReserved'
            : null;
    if (bad) problems.push({ row: row.id, field: 'key', code: bad });
    else if (keyChanged && (uses.get(key) ?? 0) > 1)
      problems.push({ row: row.id, field: 'key', code: 'keyDuplicate' });
    if (!row.reserved && !row.mixed && row.value.length > MAX_VALUE)
      problems.push({ row: row.id, field: 'value', code: 'valueTooLong' });
  }
  return problems;
}

/** Each resource's tags once the rows are applied. */
function finalTags(resource: TaggedResource, rows: readonly TagRow[], removed: readonly string[]) {
  const now = new Map(resource.tags.map((t) => [t.key, t.value]));
  const next = new Map(now);
  for (const key of removed) next.delete(key);
  for (const row of rows)
    if (row.original !== null && !row.reserved && row.key.trim() !== row.original)
      next.delete(row.original);
  for (const row of rows) {
    if (row.reserved || isBlank(row)) continue;
    const key = row.key.trim();
    if (!row.mixed) next.set(key, row.value);
    // A renamed key whose values differ keeps each resource's own value.
    else if (row.original !== null && key !== row.original)
      next.set(key, now.get(row.original) ?? '');
  }
  return { now, next };
}

/** Groups (resource, item) pairs into calls: items wanted on the same resources share a call. */
function group(wanted: Map<string, { tag: TagInput; resources: string[] }>): TagCall[] {
  const calls = new Map<string, TagCall>();
  for (const { tag, resources } of wanted.values()) {
    const id = JSON.stringify(resources);
    const call = calls.get(id);
    if (call) call.tags.push(tag);
    else calls.set(id, { resources, tags: [tag] });
  }
  return [...calls.values()].flatMap((call) => {
    const out: TagCall[] = [];
    for (let i = 0; i < call.resources.length; i += MAX_RESOURCES_PER_CALL)
      out.push({ resources: call.resources.slice(i, i + MAX_RESOURCES_PER_CALL), tags: call.tags });
    return out;
  });
}

const countable = (tags: Map<string, string>) => [...tags.keys()].filter((k) => !isReserved(k));

/**
 * The calls that make the rows true on every resource, or the problems that stop them. A key
 * removed from the rows goes from every resource; a value set goes on every resource; a mixed
 * value nobody edited stays different; keys only some resources have are not touched.
 */
export function planTagChanges(
  resources: readonly TaggedResource[],
  rows: readonly TagRow[],
): { problems: TagProblem[]; plan: TagPlan } {
  const problems = rowProblems(rows);
  const kept = new Set(rows.map((r) => r.original));
  const removed = commonKeys(resources).filter((key) => !kept.has(key) && !isReserved(key));
  const deletes = new Map<string, { tag: TagInput; resources: string[] }>();
  const creates = new Map<string, { tag: TagInput; resources: string[] }>();
  for (const resource of resources) {
    const { now, next } = finalTags(resource, rows, removed);
    const count = countable(next).length;
    if (count > MAX_TAGS && count > countable(now).length)
      problems.push({ row: null, code: 'tooMany', resource: resource.id, count });
    for (const key of now.keys()) {
      if (next.has(key)) continue;
      const entry = deletes.get(key) ?? { tag: { key }, resources: [] };
      entry.resources.push(resource.id);
      deletes.set(key, entry);
    }
    for (const [key, value] of next) {
      if (now.get(key) === value) continue;
      const id = JSON.stringify([key, value]);
      const entry = creates.get(id) ?? { tag: { key, value }, resources: [] };
      entry.resources.push(resource.id);
      creates.set(id, entry);
    }
  }
  if (problems.length) return { problems, plan: { remove: [], create: [] } };
  return { problems, plan: { remove: group(deletes), create: group(creates) } };
}

/** How many calls a plan makes; 0 when nothing changes. */
export const callCount = (plan: TagPlan) => plan.remove.length + plan.create.length;
