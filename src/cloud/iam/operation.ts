// Builders for IAM operation descriptions: an action with its parameters and how to read its
// result, and lists that follow Marker while IsTruncated says there is more.

import { flattenQuery, type QueryValue } from '../ec2/query';
import type { QueryListOperation, QueryOperation } from '../query';
import type { XmlElement, XmlValue } from '../xml';
import { members, nextMarker } from './read';

type Params = { readonly [name: string]: QueryValue };

/** One IAM action. Without `read` the result is nothing (the change actions). */
export function iamAction<I, O = void>(spec: {
  action: string;
  readOnly?: boolean;
  params: (input: I) => Params;
  read?: (result: XmlValue) => O;
}): QueryOperation<I, O> {
  return {
    action: spec.action,
    readOnly: spec.readOnly ?? false,
    params: (input) => flattenQuery(spec.params(input)),
    read: spec.read ?? (() => undefined as O),
  };
}

/** A paged list: its items are the `<member>`s of `list` below the result. */
export function iamList<I, T>(spec: {
  action: string;
  list: string;
  params: (input: I) => Params;
  read: (member: XmlElement) => T;
}): QueryListOperation<I, T> {
  const items = (result: XmlValue) => members(result, spec.list).map(spec.read);
  return {
    action: spec.action,
    readOnly: true,
    params: (input) => flattenQuery(spec.params(input)),
    read: items,
    items,
    next: nextMarker,
    nextParam: 'Marker',
  };
}
