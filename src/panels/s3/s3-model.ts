import { batch, computed, signal } from '@preact/signals';
import { CloudError, type CloudErrorData } from '../../cloud/errors';
import {
  type BucketSummary,
  createBucket,
  createFolder,
  deleteBucket,
  deleteObjects,
  listBuckets,
  listObjects,
  type ObjectSummary,
  presignedGet,
} from '../../cloud/s3';
import browser from '../../shared/browser';
import { type CurrentProfile, watchCurrentProfile } from '../current-profile';
import { asError } from '../errors';
import { createObjectActions, type ObjectDialog } from './object-actions';
import { uploadFile } from './upload';

/** A row of the object list: a folder (common prefix) or an object. */
export type Entry =
  | { kind: 'folder'; key: string; name: string }
  | { kind: 'object'; key: string; name: string; object: ObjectSummary };

export interface Upload {
  id: number;
  /** Where it goes, fixed when it is queued: browsing elsewhere meanwhile changes nothing. */
  target: { profile: CurrentProfile['profile']; signer: CurrentProfile['signer']; bucket: string };
  key: string;
  size: number;
  sent: number;
  state: 'queued' | 'sending' | 'done' | 'failed' | 'cancelled';
  error?: CloudErrorData;
  startedAt: number;
  controller: AbortController;
}

export type S3Dialog =
  | { kind: 'create-bucket' }
  | { kind: 'create-folder' }
  | { kind: 'delete'; keys: string[]; count: number | null }
  | { kind: 'delete-bucket'; name: string; keys: string[] | null }
  | { kind: 'share'; key: string; url: string | null }
  | ObjectDialog;

/** A dropped file with the path it had under the dropped folder (empty for a loose file). */
export interface DroppedFile {
  file: File;
  relativePath: string;
}

const UPLOADS_AT_ONCE = 2;

export function createS3Model() {
  const buckets = signal<BucketSummary[]>([]);
  const bucket = signal<string | null>(null);
  const prefix = signal('');
  const entries = signal<Entry[]>([]);
  const loading = signal(false);
  const error = signal<CloudErrorData | null>(null);
  const selected = signal<ReadonlySet<string>>(new Set());
  const uploads = signal<Upload[]>([]);
  const dialog = signal<S3Dialog | null>(null);
  const dialogError = signal<CloudErrorData | null>(null);
  const query = signal('');
  let current: CurrentProfile | null = null;
  let generation = 0;
  let nextUpload = 1;
  let running = 0;

  const filtered = computed(() => {
    const q = query.value.toLowerCase();
    return q ? entries.value.filter((e) => e.name.toLowerCase().includes(q)) : entries.value;
  });

  async function loadBuckets() {
    if (!current) return;
    try {
      buckets.value = (await listBuckets(current.profile, current.signer)).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      error.value = null;
    } catch (e) {
      error.value = asError(e);
    }
  }

  async function loadObjects() {
    const mine = ++generation;
    const name = bucket.value;
    if (!current || !name) return;
    batch(() => {
      loading.value = true;
      entries.value = [];
      selected.value = new Set();
    });
    const at = prefix.value;
    const cut = (key: string) => key.slice(at.length);
    try {
      await listObjects(current.profile, current.signer, name, {
        prefix: at,
        delimiter: '/',
        onPage(objects, prefixes) {
          if (mine !== generation) return;
          const folders: Entry[] = prefixes.map((p) => ({ kind: 'folder', key: p, name: cut(p) }));
          const files: Entry[] = objects
            .filter((o) => o.key !== at)
            .map((o) => ({ kind: 'object', key: o.key, name: cut(o.key), object: o }));
          entries.value = [...entries.value, ...folders, ...files];
        },
      });
      if (mine === generation) error.value = null;
    } catch (e) {
      if (mine === generation) error.value = asError(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const watcher = watchCurrentProfile((next) => {
    current = next;
    batch(() => {
      bucket.value = null;
      prefix.value = '';
      entries.value = [];
    });
    void loadBuckets();
  });

  function pump() {
    while (running < UPLOADS_AT_ONCE) {
      const next = uploads.value.find((u) => u.state === 'queued');
      if (!next) return;
      running++;
      update(next.id, { state: 'sending', startedAt: Date.now() });
      const file = pending.get(next.id);
      pending.delete(next.id);
      const target = { ...next.target, key: next.key };
      void uploadFile(target, file as File, {
        signal: next.controller.signal,
        onProgress: (sent) => update(next.id, { sent }),
      })
        .then(
          () => update(next.id, { state: 'done', sent: next.size }),
          (e) =>
            update(
              next.id,
              next.controller.signal.aborted
                ? { state: 'cancelled' }
                : { state: 'failed', error: asError(e) },
            ),
        )
        .finally(() => {
          running--;
          pump();
          if (!uploads.value.some((u) => u.state === 'queued' || u.state === 'sending'))
            void loadObjects();
        });
    }
  }
  const pending = new Map<number, File>();
  function update(id: number, patch: Partial<Upload>) {
    uploads.value = uploads.value.map((u) => (u.id === id ? { ...u, ...patch } : u));
  }

  async function keysUnder(folderKeys: string[]): Promise<string[]> {
    if (!current || !bucket.value) return [];
    const all: string[] = [];
    for (const key of folderKeys) {
      if (!key.endsWith('/')) {
        all.push(key);
        continue;
      }
      const listed = await listObjects(current.profile, current.signer, bucket.value, {
        prefix: key,
        delimiter: '',
      });
      all.push(...listed.objects.map((o) => o.key), key);
    }
    return [...new Set(all)];
  }

  return {
    buckets,
    bucket,
    prefix,
    entries,
    filtered,
    loading,
    error,
    selected,
    uploads,
    dialog,
    dialogError,
    query,
    profile: watcher.current,
    refresh: () => (bucket.value ? loadObjects() : loadBuckets()),
    openBucket(name: string) {
      batch(() => {
        bucket.value = name;
        prefix.value = '';
      });
      void loadObjects();
    },
    closeBucket() {
      bucket.value = null;
      void loadBuckets();
    },
    openPrefix(next: string) {
      prefix.value = next;
      void loadObjects();
    },
    open(next: S3Dialog | null) {
      batch(() => {
        dialog.value = next;
        dialogError.value = null;
      });
    },
    async createBucket(name: string) {
      if (!current) return;
      try {
        await createBucket(current.profile, current.signer, name);
        dialog.value = null;
        await loadBuckets();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    async createFolder(name: string) {
      if (!current || !bucket.value) return;
      try {
        await createFolder(current.profile, current.signer, bucket.value, `${prefix.value}${name}`);
        dialog.value = null;
        await loadObjects();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Opens the delete confirm with the number of objects it will remove (folders included). */
    async askDelete(keys: string[]) {
      this.open({ kind: 'delete', keys, count: null });
      try {
        const all = await keysUnder(keys);
        if (dialog.value?.kind === 'delete')
          dialog.value = { kind: 'delete', keys: all, count: all.length };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    async deleteKeys(keys: string[]) {
      if (!current || !bucket.value) return;
      try {
        const result = await deleteObjects(current.profile, current.signer, bucket.value, keys);
        if (result.errors.length) {
          const first = result.errors[0];
          dialogError.value = {
            code: first?.code ?? 'DeleteFailed',
            message: `${result.errors.length} not deleted: ${first?.key ?? ''} ${first?.message ?? ''}`,
          };
        } else dialog.value = null;
        await loadObjects();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Asks to delete a bucket, counting what it holds so the user can empty it first. */
    async askDeleteBucket(name: string) {
      this.open({ kind: 'delete-bucket', name, keys: null });
      if (!current) return;
      try {
        const listed = await listObjects(current.profile, current.signer, name, { delimiter: '' });
        const open = dialog.value;
        if (open?.kind === 'delete-bucket' && open.name === name)
          dialog.value = { ...open, keys: listed.objects.map((o) => o.key) };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Empties the bucket (when it holds anything) and deletes it. */
    async deleteBucket(name: string, keys: string[]) {
      if (!current) return;
      try {
        if (keys.length) {
          const result = await deleteObjects(current.profile, current.signer, name, keys);
          if (result.errors.length) {
            const first = result.errors[0];
            throw new CloudError({
              code: first?.code ?? 'DeleteFailed',
              message: `${result.errors.length} not deleted; ${first?.key ?? ''}: ${first?.message ?? ''}`,
            });
          }
        }
        await deleteBucket(current.profile, current.signer, name);
        dialog.value = null;
        await loadBuckets();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** A presigned GET anyone can use for `seconds` (5 minutes to 7 days). */
    async share(key: string, seconds: number) {
      if (!current || !bucket.value) return;
      try {
        const url = await presignedGet(current.profile, current.signer, bucket.value, key, seconds);
        dialog.value = { kind: 'share', key, url };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Saves objects through the downloads API from presigned GETs, under their own names. */
    async download(keys: string[]) {
      if (!current || !bucket.value) return;
      try {
        for (const key of keys) {
          const url = await presignedGet(current.profile, current.signer, bucket.value, key, 3600);
          const filename = (key.split('/').pop() || 'download').replace(/[\\:*?"<>|]/g, '_');
          await browser.downloads.download({ url, filename, saveAs: false });
        }
      } catch (e) {
        error.value = asError(e);
      }
    },
    /** Queues files; a dropped folder keeps its relative paths under the current prefix. */
    upload(files: DroppedFile[]) {
      if (!current || !bucket.value) return;
      const target = { profile: current.profile, signer: current.signer, bucket: bucket.value };
      const added: Upload[] = files.map(({ file, relativePath }) => {
        const id = nextUpload++;
        pending.set(id, file);
        return {
          id,
          target,
          key: `${prefix.value}${relativePath || file.name}`,
          size: file.size,
          sent: 0,
          state: 'queued',
          startedAt: 0,
          controller: new AbortController(),
        };
      });
      uploads.value = [...uploads.value, ...added];
      pump();
    },
    cancel(id?: number) {
      for (const u of uploads.value) {
        if (id !== undefined && u.id !== id) continue;
        if (u.state === 'queued') {
          pending.delete(u.id);
          update(u.id, { state: 'cancelled' });
        } else if (u.state === 'sending') u.controller.abort();
      }
    },
    busy: computed(() => uploads.value.some((u) => u.state === 'queued' || u.state === 'sending')),
    ...createObjectActions({
      current: () => current,
      bucket,
      prefix,
      dialog,
      dialogError,
      reload: loadObjects,
    }),
    dispose() {
      generation++;
      watcher.dispose();
      for (const u of uploads.value) u.controller.abort();
    },
  };
}

export type S3Model = ReturnType<typeof createS3Model>;
