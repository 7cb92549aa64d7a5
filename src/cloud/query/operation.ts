// An operation of an AWS Query-protocol service other than EC2 (CloudWatch, IAM / Euare, STS /
// Tokens): a description like EC2's (src/cloud/ec2/operation.ts). These services wrap the answer in
// <ActionResponse><ActionResult>; `read` gets the ActionResult element.

import type { QueryParams, QueryValue } from '../ec2/query';
import type { XmlValue } from '../xml';

export interface QueryOperation<I, O> {
  action: string;
  /** Reads only: safe to send again after throttling, a 5xx or a lost connection. */
  readOnly: boolean;
  params(input: I): QueryParams;
  /** Reads the <ActionResult> element ('' when the answer has none, as most writes). */
  read(result: XmlValue): O;
  /**
   * Answers can be big (GetMetricData: 1,440 points × several metrics, about 1 MB): read them
   * with the scanner of ../xml-scan, which builds the same document many times faster.
   */
  big?: boolean;
}

/** A paged list: its result is the items of every page, in order. */
export interface QueryListOperation<I, T> extends QueryOperation<I, T[]> {
  /** One page's items, from its <ActionResult>. */
  items(result: XmlValue): T[];
  /** The token of the next page; '' on the last page (IAM: IsTruncated false). */
  next(result: XmlValue): string;
  /** CloudWatch pages with NextToken; IAM with Marker. */
  nextParam: 'NextToken' | 'Marker';
}

/** Builds a list operation whose `read` is its `items`. */
export function queryListOperation<I, T>(spec: {
  action: string;
  big?: boolean;
  params(input: I): QueryParams;
  items(result: XmlValue): T[];
  next(result: XmlValue): string;
  nextParam: 'NextToken' | 'Marker';
}): QueryListOperation<I, T> {
  return { ...spec, readOnly: true, read: spec.items };
}

/** The Query protocol's list form: `{ Names: members(['a', 'b']) }` sends Names.member.1=a&…. */
export function members(values: readonly QueryValue[] | undefined): QueryValue {
  return values === undefined ? undefined : { member: values };
}
