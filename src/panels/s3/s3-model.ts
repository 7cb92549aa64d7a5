// The S3 panel's model: browsing, the dialogs and their actions, and the upload queue, following
// the profile the header has chosen (from `deps`, so Node tests can drive it).

import { batch, signal } from '@preact/signals';
import { CloudError, type CloudErrorData } from '../../cloud/errors';
import type { Signer } from '../../cloud/signer';
import { remoteSigner } from '../../shared/remote-signer';
import { browserDeps } from '../browser-deps';
import type { CurrentProfile } from '../current-profile';
import type { ModelDeps } from '../model-deps';
import { createBucketActions } from './bucket-actions';
import { createBucketSearch } from './bucket-search';
import { type BucketTargets, bucketTargets } from './bucket-target';
import { createObjectActions } from './object-actions';
import { createObjectBrowser } from './object-browser';
import type { S3Dialog } from './s3-dialog';
import { createUploadQueue, type DroppedFile, type UploadQueueDeps } from './upload-queue';
import { createVersionList } from './version-list';

export interface S3ModelOptions {
  /** Signers for another region of the profile (AWS buckets); remoteSigner in the page. */
  signerFor?: (profileId: string, region: string) => Signer;
  /** The upload queue's senders; tests pass their own. */
  uploads?: Pick<UploadQueueDeps, 'send' | 'abortUpload' | 'atOnce'>;
}

export function createS3Model(deps: ModelDeps, opts: S3ModelOptions = {}) {
  const dialog = signal<S3Dialog | null>(null);
  /** The bucket whose Settings view is shown instead of the list, if any. */
  const settingsOf = signal<string | null>(null);
  /** The bucket whose "Compare with folder" view is shown instead of the list, if any. */
  const syncOf = signal<string | null>(null);
  const dialogError = signal<CloudErrorData | null>(null);
  let here: { current: CurrentProfile; targets: BucketTargets } | null = null;
  const where = () => here;

  /** The profile and signer for a bucket's requests (on AWS: signed for the bucket's region). */
  async function at(name: string): Promise<CurrentProfile> {
    if (!here) throw new CloudError({ code: 'NoProfile', message: 'No profile' });
    return here.targets.forBucket(name);
  }

  function open(next: S3Dialog | null) {
    batch(() => {
      dialog.value = next;
      dialogError.value = null;
    });
  }

  const view = createObjectBrowser({ where });
  const search = createBucketSearch({
    bucket: view.bucket,
    prefix: view.prefix,
    at,
    openPrefix: view.openPrefix,
  });
  const versions = createVersionList({
    at,
    bucket: view.bucket,
    prefix: view.prefix,
    query: view.query,
  });
  const queue = createUploadQueue({
    at,
    profileId: () => here?.current.profile.id,
    onIdle: () => {
      void view.loadObjects();
      // An upload over an existing key in a versioned bucket adds a version to show.
      if (versions.show.value) void versions.load();
    },
    onError: (error) => {
      view.error.value = error;
    },
    ...opts.uploads,
  });

  // Never disposed: the model lives as long as the page (see s3Model).
  const watcher = deps.profiles((next) => {
    here = next
      ? { current: next, targets: bucketTargets(next, opts.signerFor ?? remoteSigner) }
      : null;
    batch(() => {
      settingsOf.value = null;
      search.close();
      versions.setShow(false);
      syncOf.value = null;
      view.reset();
      queue.clearResumable();
    });
    void queue.loadResumable();
  });

  return {
    buckets: view.buckets,
    bucket: view.bucket,
    prefix: view.prefix,
    entries: view.entries,
    filtered: view.filtered,
    loading: view.loading,
    error: view.error,
    selected: view.selected,
    query: view.query,
    regions: view.regions,
    reveal: view.reveal,
    refresh: () => (view.bucket.value && versions.show.value ? versions.load() : view.refresh()),
    /** The "Show versions" view of the open bucket's current folder. */
    versions,
    openBucket(name: string) {
      search.close();
      view.openBucket(name);
    },
    closeBucket() {
      search.close();
      versions.setShow(false);
      view.closeBucket();
    },
    openPrefix(next: string, select?: readonly string[]) {
      search.close();
      view.openPrefix(next, select);
    },
    /** "Search the whole bucket" (bucket-search.ts). */
    search,
    settingsOf,
    openSettings(name: string) {
      settingsOf.value = name;
    },
    closeSettings() {
      settingsOf.value = null;
    },
    syncOf,
    openSync(name: string) {
      syncOf.value = name;
    },
    closeSync() {
      syncOf.value = null;
    },
    /** The profile and signer for one bucket's requests (its region's, on AWS). */
    bucketAt: at,
    dialog,
    dialogError,
    open,
    profile: watcher.current,
    uploads: queue.uploads,
    toResume: queue.toResume,
    uploadSettings: queue.settings,
    busy: queue.busy,
    /** Queues files under the open bucket and folder (see UploadQueue.add). */
    async upload(files: DroppedFile[]) {
      const name = view.bucket.value;
      if (name) await queue.add(files, name, view.prefix.value);
    },
    /** Queues files under `prefix` of `bucket`, wherever the browser is (folder compare). */
    uploadTo: queue.add,
    cancel: queue.cancel,
    resumeLater: queue.resumeLater,
    discard: queue.discard,
    ...createBucketActions({ at, where, browser: view, dialog, dialogError, open }),
    ...createObjectActions({
      at,
      bucket: view.bucket,
      prefix: view.prefix,
      dialog,
      dialogError,
      reload: view.loadObjects,
    }),
  };
}

export type S3Model = ReturnType<typeof createS3Model>;

let pageModel: S3Model | null = null;

/**
 * The page's one S3 model. It outlives the tab: switching to Instances mid-upload must not cut
 * the upload off, so the panel never disposes it. Closing the page while uploading asks first.
 */
export function s3Model(): S3Model {
  if (!pageModel) {
    const model = createS3Model(browserDeps);
    addEventListener('beforeunload', (e) => {
      if (model.busy.value) e.preventDefault();
    });
    pageModel = model;
  }
  return pageModel;
}
