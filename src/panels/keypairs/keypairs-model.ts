import {
  type CreatedKeyPair,
  createKeyPair,
  deleteKeyPair,
  describeKeyPairs,
  ec2Call,
  ec2List,
  encodeBase64Utf8,
  importKeyPair,
  type KeyPair,
} from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import browser from '../../shared/browser';
import { createListSearch } from '../components/list-search';
import { createResourceList } from '../components/resource-list';
import { createResourcePanel } from '../components/resource-panel';
import { createTagging } from '../components/tagging';
import { asError } from '../errors';
import type { ModelDeps } from '../model-deps';

export type KeyPairsDialog =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'delete'; names: string[] }
  | { kind: 'tags'; names: string[] }
  /** The download failed: the key is shown once so it can be copied, then forgotten. */
  | { kind: 'unsaved'; created: CreatedKeyPair; error: CloudErrorData };

/**
 * Saves the private key as NAME.pem through the browser's downloads, the only place it goes:
 * Cirrus keeps no copy and the cloud cannot give it again.
 */
export async function savePem(name: string, material: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([material], { type: 'application/x-pem-file' }));
  try {
    await browser.downloads.download({ url, filename: `${name}.pem`, saveAs: false });
  } finally {
    // The download has its own copy of the data once it started; a minute is ample.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export function createKeyPairsModel(deps: ModelDeps) {
  const list = createResourceList<KeyPair>({
    fetch: ({ profile, signer }) => ec2List(describeKeyPairs, profile, signer, {}),
    key: (k) => k.keyName,
  });
  const panel = createResourcePanel<KeyPairsDialog>(deps, [list]);
  const search = createListSearch(
    list.rows,
    (k) => `${k.keyName}\n${k.keyFingerprint}\n${k.keyType}\n${k.keyPairId}`,
    (k) => k.tags,
  );

  return {
    ...panel,
    list,
    search,
    /** Tags go by key pair id, which older clouds (Eucalyptus) do not give. */
    tagging: createTagging(panel),
    names: () => list.rows.value.map((k) => k.keyName),
    create: (keyName: string) =>
      panel.act(async ({ profile, signer }) => {
        const created = await ec2Call(createKeyPair, profile, signer, { keyName });
        try {
          await savePem(created.keyName || keyName, created.keyMaterial);
        } catch (e) {
          // The key exists now; losing its only copy would be worse than showing it once.
          panel.open({ kind: 'unsaved', created, error: asError(e) });
          return { key: 'keyPairNotSaved', args: [keyName] };
        }
        return { key: 'keyPairCreated', args: [keyName, `${keyName}.pem`] };
      }),
    import: (keyName: string, line: string) =>
      panel.act(async ({ profile, signer }) => {
        await ec2Call(importKeyPair, profile, signer, {
          keyName,
          publicKeyMaterial: encodeBase64Utf8(line),
        });
        return { key: 'keyPairImported', args: [keyName] };
      }),
    remove: (names: string[]) =>
      panel.act(async ({ profile, signer }) => {
        for (const keyName of names) await ec2Call(deleteKeyPair, profile, signer, { keyName });
        return { key: 'keyPairsDeleted', args: [names.join(', ')] };
      }),
    dispose() {
      panel.dispose();
      search.dispose();
    },
  };
}

export type KeyPairsModel = ReturnType<typeof createKeyPairsModel>;
