// An EC2 operation is a description, not a method: its action, whether it may be sent again, how
// to build its parameters and how to read its answer. ec2Call and ec2List run any of them.

import type { XmlElement, XmlValue } from '../xml';
import { elements, path } from '../xml';
import type { QueryParams } from './query';

export interface Ec2Operation<I, O> {
  action: string;
  /** Reads only: safe to send again after throttling, a 5xx or a lost connection. */
  readOnly: boolean;
  /**
   * Carries an idempotency ClientToken: ec2Call adds one when the parameters have none and sends
   * the same one on every retry, so the mutating call may be retried (RunInstances).
   */
  clientToken?: boolean;
  params(input: I): QueryParams;
  /** Reads the root element's value (the document below <XxxResponse>). */
  read(doc: XmlValue): O;
  /** For lists that can be long: where the items are, and how to read one. */
  items?: Ec2Items<unknown>;
}

export interface Ec2Items<T> {
  /** Below the root element, e.g. ['imagesSet', 'item']. */
  path: string[];
  /** One `<item>` as parseXml shapes it; may stand for several results (a reservation). */
  read(item: XmlElement): T[];
}

/** A list operation: its result is the items of every page, in order. */
export interface Ec2ListOperation<I, T> extends Ec2Operation<I, T[]> {
  items: Ec2Items<T>;
}

/** Builds a list operation whose `read` walks the same path as its `items`. */
export function listOperation<I, T>(spec: {
  action: string;
  readOnly?: boolean;
  params(input: I): QueryParams;
  path: string[];
  read(item: XmlElement): T[];
}): Ec2ListOperation<I, T> {
  const items: Ec2Items<T> = { path: spec.path, read: spec.read };
  return {
    action: spec.action,
    readOnly: spec.readOnly ?? true,
    params: spec.params,
    read: (doc) => elements(path(doc, ...spec.path)).flatMap(spec.read),
    items,
  };
}
