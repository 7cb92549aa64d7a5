// Key pairs: list, create (the only time the private key is seen), import, delete.

import { readTags, returned, str } from '../fields';
import { type Ec2Operation, listOperation } from '../operation';
import { type Filter, filterParams, flattenQuery } from '../query';
import type { Tag } from '../types';

export interface KeyPair {
  keyName: string;
  keyFingerprint: string;
  keyPairId: string;
  keyType: string;
  createTime: string;
  tags: Tag[];
}

export interface CreatedKeyPair {
  keyName: string;
  keyFingerprint: string;
  keyPairId: string;
  /** The private key, PEM; the server keeps no copy. */
  keyMaterial: string;
}

export const describeKeyPairs = listOperation<{ keyNames?: string[]; filters?: Filter[] }, KeyPair>(
  {
    action: 'DescribeKeyPairs',
    params: (input) =>
      flattenQuery({ KeyName: input.keyNames, Filter: filterParams(input.filters) }),
    path: ['keySet', 'item'],
    read: (item) => [
      {
        keyName: str(item, 'keyName'),
        keyFingerprint: str(item, 'keyFingerprint'),
        keyPairId: str(item, 'keyPairId'),
        keyType: str(item, 'keyType'),
        createTime: str(item, 'createTime'),
        tags: readTags(item),
      },
    ],
  },
);

export const createKeyPair: Ec2Operation<{ keyName: string }, CreatedKeyPair> = {
  action: 'CreateKeyPair',
  readOnly: false,
  params: (input) => flattenQuery({ KeyName: input.keyName }),
  read: (doc) => ({
    keyName: str(doc, 'keyName'),
    keyFingerprint: str(doc, 'keyFingerprint'),
    keyPairId: str(doc, 'keyPairId'),
    keyMaterial: str(doc, 'keyMaterial'),
  }),
};

export interface ImportKeyPairInput {
  keyName: string;
  /** The OpenSSH public key line, base64-encoded (encodeBase64Utf8). */
  publicKeyMaterial: string;
}

export const importKeyPair: Ec2Operation<
  ImportKeyPairInput,
  Omit<CreatedKeyPair, 'keyMaterial'>
> = {
  action: 'ImportKeyPair',
  readOnly: false,
  params: (input) =>
    flattenQuery({ KeyName: input.keyName, PublicKeyMaterial: input.publicKeyMaterial }),
  read: (doc) => ({
    keyName: str(doc, 'keyName'),
    keyFingerprint: str(doc, 'keyFingerprint'),
    keyPairId: str(doc, 'keyPairId'),
  }),
};

export const deleteKeyPair: Ec2Operation<{ keyName: string } | { keyPairId: string }, boolean> = {
  action: 'DeleteKeyPair',
  readOnly: false,
  params: (input) =>
    flattenQuery(
      'keyPairId' in input ? { KeyPairId: input.keyPairId } : { KeyName: input.keyName },
    ),
  read: returned,
};
