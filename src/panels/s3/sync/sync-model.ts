// "Compare with folder": a local folder against a bucket prefix (every depth), then "Upload new and
// changed" through the page's upload queue and "Delete what is only in the bucket" after a
// confirm. A dry run says what either would do and changes nothing.

import { batch, computed, signal } from '@preact/signals';
import { CloudError, type CloudErrorData } from '../../../cloud/errors';
import { pool } from '../../../cloud/pool';
import { deleteObjects, listObjects, type ObjectSummary } from '../../../cloud/s3';
import { asError } from '../../errors';
import type { BucketTarget } from '../bucket-target';
import type { DroppedFile } from '../upload-queue';
import type { HashFile } from './hash-messages';
import {
  judge,
  type LocalFile,
  pairUp,
  SYNC_CLASSES,
  type SyncClass,
  type SyncRow,
  syncTotals,
  toDelete,
  toUpload,
} from './sync-compare';

export interface SyncDeps {
  at: BucketTarget;
  bucket: string;
  /** The folder open in the browser: the prefix offered first. */
  prefix: string;
  /** Hashes one file (a Web Worker in the page, hashBlob in Node tests). */
  hash: HashFile;
  /** Queues files under `prefix` of `bucket` in the page's upload queue. */
  upload(files: DroppedFile[], bucket: string, prefix: string): Promise<void>;
  /** Something changed in the bucket: the object list reloads. */
  changed(): void;
  /** Files hashed at once (default 2). */
  atOnce?: number;
}

export type SyncPhase = 'idle' | 'listing' | 'hashing' | 'done';

export interface SyncProgress {
  files: number;
  filesTotal: number;
  bytes: number;
  bytesTotal: number;
}

/** What a dry run or an action reports: a message key and its counts. */
export type SyncNotice =
  | { kind: 'wouldUpload' | 'queued'; count: number; bytes: number }
  | { kind: 'wouldDelete' | 'deleted'; count: number };

type SyncFile = LocalFile<Blob>;

const NO_PROGRESS: SyncProgress = { files: 0, filesTotal: 0, bytes: 0, bytesTotal: 0 };
// Progress goes to the page at most this often: 10,000 small files finish far faster than renders.
const PROGRESS_MS = 100;

export function createSyncModel(deps: SyncDeps) {
  const prefix = signal(deps.prefix);
  const folderName = signal<string | null>(null);
  const local = signal<SyncFile[] | null>(null);
  const phase = signal<SyncPhase>('idle');
  const progress = signal<SyncProgress>(NO_PROGRESS);
  const rows = signal<SyncRow<Blob>[]>([]);
  const shown = signal<ReadonlySet<SyncClass>>(new Set(SYNC_CLASSES));
  const error = signal<CloudErrorData | null>(null);
  const dryRun = signal(false);
  const notice = signal<SyncNotice | null>(null);
  /** The upload of this comparison's files was queued: a second click would send them twice. */
  const uploaded = signal(false);
  const deleted = signal(false);
  const confirmDelete = signal(false);
  const deleteError = signal<CloudErrorData | null>(null);
  /** The prefix the rows were compared against (the field may have changed since). */
  let comparedPrefix = deps.prefix;
  let running: AbortController | null = null;

  const totals = computed(() => syncTotals(rows.value));
  const visible = computed(() => rows.value.filter((r) => shown.value.has(r.cls)));

  function clearResult() {
    batch(() => {
      rows.value = [];
      progress.value = NO_PROGRESS;
      phase.value = 'idle';
      notice.value = null;
      uploaded.value = false;
      deleted.value = false;
      error.value = null;
    });
  }

  async function listPrefix(at: string, signal: AbortSignal): Promise<ObjectSummary[]> {
    const where = await deps.at(deps.bucket);
    const listed = await listObjects(where.profile, where.signer, deps.bucket, {
      prefix: at,
      delimiter: '',
      signal,
    });
    return listed.objects;
  }

  async function compare() {
    const picked = local.value;
    if (!picked) return;
    running?.abort();
    const mine = new AbortController();
    running = mine;
    const at = normalPrefix(prefix.value);
    comparedPrefix = at;
    clearResult();
    phase.value = 'listing';
    try {
      const objects = await listPrefix(at, mine.signal);
      if (mine.signal.aborted) return;
      const { settled, jobs } = pairUp(picked, objects, at);
      const done: SyncRow<Blob>[] = [...settled];
      let files = 0;
      let bytes = 0;
      const bytesTotal = jobs.reduce((sum, j) => sum + j.local.size, 0);
      const flush = () =>
        batch(() => {
          rows.value = done.slice();
          progress.value = { files, filesTotal: jobs.length, bytes, bytesTotal };
        });
      batch(() => {
        flush();
        phase.value = 'hashing';
      });
      const timer = setInterval(flush, PROGRESS_MS);
      try {
        await pool(
          jobs,
          deps.atOnce ?? 2,
          async (job, step) => {
            const hashes = await deps
              .hash(job.local.file, job.plan, {
                signal: step.signal,
                onBytes: (n) => {
                  bytes += n;
                },
              })
              .catch((e: unknown) => {
                if (step.signal.aborted) throw e;
                throw new CloudError({
                  code: 'FileUnreadable',
                  message: `${job.path}: ${e instanceof Error ? e.message : String(e)}`,
                });
              });
            done.push(judge(job, hashes));
            files++;
          },
          { signal: mine.signal },
        );
      } finally {
        clearInterval(timer);
      }
      if (mine.signal.aborted) return;
      batch(() => {
        flush();
        phase.value = 'done';
      });
    } catch (e) {
      // Cancelled: what was judged so far stays on show, marked as not finished.
      if (!mine.signal.aborted) error.value = asError(e);
      if (running === mine) phase.value = 'idle';
    } finally {
      if (running === mine) running = null;
    }
  }

  return {
    prefix,
    folderName,
    local,
    phase,
    progress,
    rows,
    visible,
    totals,
    shown,
    error,
    dryRun,
    notice,
    uploaded,
    deleted,
    confirmDelete,
    deleteError,
    /** A folder was picked: its files, paths relative to it. */
    choose(name: string, files: SyncFile[]) {
      running?.abort();
      batch(() => {
        folderName.value = name;
        local.value = files;
        clearResult();
      });
    },
    compare,
    /** Stops listing or hashing; rows judged so far stay. */
    cancel() {
      running?.abort();
      running = null;
      phase.value = 'idle';
    },
    toggle(cls: SyncClass) {
      const next = new Set(shown.value);
      if (next.has(cls)) next.delete(cls);
      else next.add(cls);
      shown.value = next;
    },
    /** Queues the new and changed files (once per comparison); a dry run only says what it would. */
    async uploadChanges() {
      const files = toUpload(rows.value);
      const bytes = files.reduce((sum, f) => sum + f.size, 0);
      if (dryRun.value) {
        notice.value = { kind: 'wouldUpload', count: files.length, bytes };
        return;
      }
      if (uploaded.value || files.length === 0) return;
      uploaded.value = true;
      try {
        await deps.upload(
          files.map((f) => ({ file: f.file as File, relativePath: f.path })),
          deps.bucket,
          comparedPrefix,
        );
        notice.value = { kind: 'queued', count: files.length, bytes };
      } catch (e) {
        uploaded.value = false;
        error.value = asError(e);
      }
    },
    /** Opens the confirm (with the count), or in a dry run says what would go. */
    askDelete() {
      const keys = toDelete(rows.value);
      if (dryRun.value) {
        notice.value = { kind: 'wouldDelete', count: keys.length };
        return;
      }
      if (deleted.value || keys.length === 0) return;
      batch(() => {
        deleteError.value = null;
        confirmDelete.value = true;
      });
    },
    async deleteBucketOnly() {
      const keys = toDelete(rows.value);
      try {
        const where = await deps.at(deps.bucket);
        const result = await deleteObjects(where.profile, where.signer, deps.bucket, keys);
        const gone = new Set(result.deleted);
        batch(() => {
          rows.value = rows.value.filter((r) => !(r.remote && gone.has(r.remote.key)));
          notice.value = { kind: 'deleted', count: result.deleted.length };
        });
        deps.changed();
        if (result.errors.length) {
          const first = result.errors[0];
          throw new CloudError({
            code: first?.code ?? 'DeleteFailed',
            message: `${result.errors.length} not deleted; ${first?.key ?? ''}: ${first?.message ?? ''}`,
          });
        }
        batch(() => {
          deleted.value = true;
          confirmDelete.value = false;
        });
      } catch (e) {
        deleteError.value = asError(e);
      }
    },
    closeDelete() {
      confirmDelete.value = false;
    },
    dispose() {
      running?.abort();
      running = null;
    },
  };
}

/** '' or a prefix ending in '/': "photos" compares against photos/, not photos-old/. */
export function normalPrefix(value: string): string {
  const trimmed = value.trim().replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

export type SyncModel = ReturnType<typeof createSyncModel>;
