// IAM calls for one profile: the Query client with service 'iam', bound to the profile's signer.

import type { Profile } from '../profile';
import { type QueryListOperation, type QueryOperation, queryCall, queryList } from '../query';
import type { Signer } from '../signer';

export interface IamClient {
  call<I, O>(op: QueryOperation<I, O>, input: I): Promise<O>;
  /** Every page, following Marker. */
  list<I, T>(op: QueryListOperation<I, T>, input: I): Promise<T[]>;
}

export function iamClient(profile: Profile, signer: Signer): IamClient {
  return {
    call: (op, input) => queryCall('iam', op, profile, signer, input),
    list: (op, input) => queryList('iam', op, profile, signer, input),
  };
}
