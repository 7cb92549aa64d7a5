import { batch, computed, signal } from '@preact/signals';
import { CloudError, type CloudErrorData } from '../../cloud/errors';
import { pool } from '../../cloud/pool';
import {
  abortMultipartUpload,
  type BucketSummary,
  type CannedAcl,
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
import { remoteSigner } from '../../shared/remote-signer';
import type { ResumableUpload } from '../../storage/items';
import { type CurrentProfile, watchCurrentProfile } from '../current-profile';
import { asError } from '../errors';
import { type BucketTargets, bucketTargets } from './bucket-target';
import { downloadName } from './download-name';
import { keysUnder } from './keys-under';
import { createObjectActions } from './object-actions';
import { forgetUpload, keepUpload, updateUpload, uploadsToResume } from './resumable';
import { matchUpload } from './resume-match';
import type { S3Dialog } from './s3-dialog';
import { RESUME_LATER, uploadFile } from './upload';

/** A row of the object list: a folder (common prefix) or an object. */
export type Entry =
  | { kind: 'folder'; key: string; name: string }
  | { kind: 'object'; key: string; name: string; object: ObjectSummary };

/** What the user chose for the next files (the upload options). */
export interface UploadSettings {
  acl: CannedAcl | '';
  /** x-amz-meta-* without the prefix. */
  metadata: Record<string, string>;
}

export interface Upload {
  id: number;
  /** Where it goes, fixed when it is queued: browsing elsewhere meanwhile changes nothing. */
  target: { profile: CurrentProfile['profile']; signer: CurrentProfile['signer']; bucket: string };
  key: string;
  size: number;
  sent: number;
  state: 'queued' | 'sending' | 'done' | 'failed' | 'cancelled' | 'paused';
  error?: CloudErrorData;
  startedAt: number;
  /** Bytes already on the server when it (re)started, so the rate counts only this session's. */
  startedFrom: number;
  controller: AbortController;
  settings: UploadSettings;
  /** Set once a multipart upload exists: "Resume later" is offered from then on. */
  uploadId?: string;
  /** A kept upload this file continues. */
  resume?: { uploadId: string; partSize: number };
}

/** A dropped file with the path it had under the dropped folder (empty for a loose file). */
export interface DroppedFile {
  file: File;
  relativePath: string;
}

const UPLOADS_AT_ONCE = 2;
const NO_SETTINGS: UploadSettings = { acl: '', metadata: {} };

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
  /** Region per bucket as far as known (AWS looks each up; other clouds have one). */
  const regions = signal<ReadonlyMap<string, string>>(new Map());
  const toResume = signal<ResumableUpload[]>([]);
  const uploadSettings = signal<UploadSettings>(NO_SETTINGS);
  let current: CurrentProfile | null = null;
  let targets: BucketTargets | null = null;
  let generation = 0;
  let nextUpload = 1;
  let running = 0;

  const filtered = computed(() => {
    const q = query.value.toLowerCase();
    return q ? entries.value.filter((e) => e.name.toLowerCase().includes(q)) : entries.value;
  });

  /** The profile and signer for a bucket's requests (on AWS: signed for the bucket's region). */
  async function at(name: string): Promise<CurrentProfile> {
    if (!current || !targets) throw new CloudError({ code: 'NoProfile', message: 'No profile' });
    return targets.forBucket(name);
  }

  async function loadBuckets() {
    if (!current || !targets) return;
    const mine = targets;
    try {
      const listed = (await listBuckets(current.profile, current.signer)).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      for (const b of listed) if (b.region) mine.know(b.name, b.region);
      buckets.value = listed;
      error.value = null;
      void findRegions(mine, listed);
    } catch (e) {
      error.value = asError(e);
    }
  }

  /** Fills the Region column, a few lookups at a time; a bucket that refuses shows no region. */
  async function findRegions(mine: BucketTargets, listed: BucketSummary[]) {
    const show = () => {
      if (targets !== mine) return;
      const next = new Map<string, string>();
      for (const b of listed) {
        const region = mine.known(b.name);
        if (region) next.set(b.name, region);
      }
      regions.value = next;
    };
    show();
    const unknown = listed.filter((b) => !mine.known(b.name));
    await pool(unknown, 4, async (b) => {
      await mine.forBucket(b.name).catch(() => undefined);
      show();
    });
  }

  async function loadResumable() {
    const profile = current?.profile;
    if (!profile) return;
    const active = new Set(uploads.value.map((u) => u.uploadId ?? u.resume?.uploadId));
    const kept = await uploadsToResume(profile.id).catch(() => []);
    if (current?.profile === profile) toResume.value = kept.filter((u) => !active.has(u.uploadId));
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
    const here = prefix.value;
    const listed: Entry[] = [];
    const cut = (key: string) => key.slice(here.length);
    try {
      const where = await at(name);
      await listObjects(where.profile, where.signer, name, {
        prefix: here,
        delimiter: '/',
        onPage(objects, prefixes) {
          if (mine !== generation) return;
          const folders: Entry[] = prefixes.map((p) => ({ kind: 'folder', key: p, name: cut(p) }));
          const files: Entry[] = objects
            .filter((o) => o.key !== here)
            .map((o) => ({ kind: 'object', key: o.key, name: cut(o.key), object: o }));
          // One array grown in place and handed out anew: copying every page into a fresh
          // array would cost O(n²) over a 100,000-key listing.
          listed.push(...folders, ...files);
          entries.value = listed.slice();
        },
      });
      if (mine === generation) error.value = null;
    } catch (e) {
      if (mine === generation) error.value = asError(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  // Never disposed: the model lives as long as the page (see s3Model).
  const watcher = watchCurrentProfile((next) => {
    current = next;
    targets = next ? bucketTargets(next, remoteSigner) : null;
    batch(() => {
      bucket.value = null;
      prefix.value = '';
      entries.value = [];
      regions.value = new Map();
      toResume.value = [];
    });
    void loadBuckets();
    void loadResumable();
  });

  function pump() {
    while (running < UPLOADS_AT_ONCE) {
      const next = uploads.value.find((u) => u.state === 'queued');
      if (!next) return;
      running++;
      update(next.id, { state: 'sending', startedAt: Date.now() });
      const file = pending.get(next.id) as File;
      pending.delete(next.id);
      void send(next, file).finally(() => {
        running--;
        pump();
        if (!uploads.value.some((u) => u.state === 'queued' || u.state === 'sending'))
          void loadObjects();
      });
    }
  }

  async function send(upload: Upload, file: File) {
    const { id, settings } = upload;
    const target = { ...upload.target, key: upload.key };
    let uploadId = upload.resume?.uploadId;
    /** The multipart upload is under way (so a failure from here on aborts it). */
    let live = false;
    const write = {
      ...(settings.acl ? { acl: settings.acl } : {}),
      ...(Object.keys(settings.metadata).length ? { metadata: settings.metadata } : {}),
    };
    try {
      await uploadFile(target, file, {
        signal: upload.controller.signal,
        write,
        ...(upload.resume ? { resume: upload.resume } : {}),
        onProgress: (sent) => update(id, { sent }),
        onMultipart: (state) => {
          live = true;
          if (uploadId && uploadId !== state.uploadId) void forgetUpload(uploadId);
          uploadId = state.uploadId;
          const sent = state.partsDone * state.partSize;
          update(id, { uploadId, startedFrom: Math.min(sent, upload.size) });
          void keepUpload({
            uploadId,
            profileId: target.profile.id,
            bucket: target.bucket,
            key: target.key,
            file: { name: file.name, size: file.size, lastModified: file.lastModified },
            partSize: state.partSize,
            partsDone: state.partsDone,
            partsTotal: state.partsTotal,
            at: Date.now(),
          });
        },
        onPartDone: (partsDone) => {
          if (uploadId) void updateUpload(uploadId, { partsDone });
        },
      });
      update(id, { state: 'done', sent: upload.size });
      if (uploadId) await forgetUpload(uploadId);
    } catch (e) {
      if (upload.resume && uploadId === upload.resume.uploadId && !live) {
        // It failed before picking the kept upload up (ListParts refused, the link down): the
        // parts are still there and the record stays, to try again.
        update(
          id,
          upload.controller.signal.aborted
            ? { state: 'cancelled' }
            : { state: 'failed', error: asError(e) },
        );
        void loadResumable();
        return;
      }
      const reason = upload.controller.signal.reason;
      if (reason === RESUME_LATER && uploadId) {
        update(id, { state: 'paused' });
        await updateUpload(uploadId, {});
        void loadResumable();
        return;
      }
      update(
        id,
        upload.controller.signal.aborted
          ? { state: 'cancelled' }
          : { state: 'failed', error: asError(e) },
      );
      // uploadFile aborted the multipart upload on the server; nothing is left to resume.
      if (uploadId) await forgetUpload(uploadId);
    }
  }

  const pending = new Map<number, File>();
  function update(id: number, patch: Partial<Upload>) {
    uploads.value = uploads.value.map((u) => (u.id === id ? { ...u, ...patch } : u));
  }

  function deleteFailure(result: Awaited<ReturnType<typeof deleteObjects>>): CloudError {
    const first = result.errors[0];
    return new CloudError({
      code: first?.code ?? 'DeleteFailed',
      message: `${result.errors.length} not deleted; ${first?.key ?? ''}: ${first?.message ?? ''}`,
    });
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
    regions,
    toResume,
    uploadSettings,
    profile: watcher.current,
    refresh: () => (bucket.value ? loadObjects() : loadBuckets()),
    openBucket(name: string) {
      batch(() => {
        bucket.value = name;
        prefix.value = '';
        query.value = '';
      });
      void loadObjects();
    },
    closeBucket() {
      batch(() => {
        bucket.value = null;
        query.value = '';
      });
      void loadBuckets();
    },
    openPrefix(next: string) {
      batch(() => {
        prefix.value = next;
        query.value = '';
      });
      void loadObjects();
    },
    open(next: S3Dialog | null) {
      batch(() => {
        dialog.value = next;
        dialogError.value = null;
      });
    },
    /** `region`: AWS's region (else the profile's), or another cloud's LocationConstraint. */
    async createBucket(name: string, region: string) {
      if (!current || !targets) return;
      try {
        // AWS takes CreateBucket only in the region it creates in (else
        // IllegalLocationConstraintException); other clouds have one endpoint.
        const where = current.profile.kind === 'aws' && region ? targets.inRegion(region) : current;
        await createBucket(where.profile, where.signer, name, region ? { region } : {});
        if (region && current.profile.kind === 'aws') targets.know(name, region);
        dialog.value = null;
        await loadBuckets();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    async createFolder(name: string) {
      const open = bucket.value;
      if (!open) return;
      try {
        const where = await at(open);
        await createFolder(where.profile, where.signer, open, `${prefix.value}${name}`);
        dialog.value = null;
        await loadObjects();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Opens the delete confirm with the number of objects it will remove (folders included). */
    async askDelete(keys: string[]) {
      const open = bucket.value;
      if (!open) return;
      this.open({ kind: 'delete', keys, count: null });
      try {
        const all = await keysUnder(await at(open), open, keys, { folders: true });
        if (dialog.value?.kind === 'delete')
          dialog.value = { kind: 'delete', keys: all, count: all.length };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    async deleteKeys(keys: string[]) {
      const open = bucket.value;
      if (!open) return;
      try {
        const where = await at(open);
        const result = await deleteObjects(where.profile, where.signer, open, keys);
        if (result.errors.length) dialogError.value = asError(deleteFailure(result));
        else dialog.value = null;
        await loadObjects();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Asks to delete a bucket, counting what it holds so the user can empty it first. */
    async askDeleteBucket(name: string) {
      this.open({ kind: 'delete-bucket', name, keys: null });
      try {
        const where = await at(name);
        const listed = await listObjects(where.profile, where.signer, name, { delimiter: '' });
        const open = dialog.value;
        if (open?.kind === 'delete-bucket' && open.name === name)
          dialog.value = { ...open, keys: listed.objects.map((o) => o.key) };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** Empties the bucket (when it holds anything) and deletes it. */
    async deleteBucket(name: string, keys: string[]) {
      try {
        const where = await at(name);
        if (keys.length) {
          const result = await deleteObjects(where.profile, where.signer, name, keys);
          if (result.errors.length) throw deleteFailure(result);
        }
        await deleteBucket(where.profile, where.signer, name);
        dialog.value = null;
        await loadBuckets();
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /** A presigned GET anyone can use for `seconds` (5 minutes to 7 days). */
    async share(key: string, seconds: number) {
      const open = bucket.value;
      if (!open) return;
      try {
        const where = await at(open);
        const url = await presignedGet(where.profile, where.signer, open, key, seconds);
        dialog.value = { kind: 'share', key, url };
      } catch (e) {
        dialogError.value = asError(e);
      }
    },
    /**
     * Saves objects through the downloads API from presigned GETs. A folder comes down as its
     * files, under a folder of its name; a file under its own name.
     */
    async download(keys: string[]) {
      const open = bucket.value;
      if (!open) return;
      const base = prefix.value;
      try {
        const where = await at(open);
        const all = (await keysUnder(where, open, keys)).filter((k) => !k.endsWith('/'));
        for (const key of all) {
          const url = await presignedGet(where.profile, where.signer, open, key, 3600);
          await browser.downloads.download({
            url,
            filename: downloadName(key, base),
            saveAs: false,
            conflictAction: 'uniquify',
          });
        }
      } catch (e) {
        error.value = asError(e);
      }
    },
    /**
     * Queues files; a dropped folder keeps its relative paths under the current prefix. A file
     * that matches an upload put off with "Resume later" continues it, where it was going.
     */
    async upload(files: DroppedFile[]) {
      const open = bucket.value;
      const profile = current?.profile;
      if (!open || !profile) return;
      let where: CurrentProfile;
      try {
        where = await at(open);
      } catch (e) {
        error.value = asError(e);
        return;
      }
      const kept = await uploadsToResume(profile.id).catch(() => []);
      const taken = new Set<string>();
      for (const u of uploads.value) {
        const active = u.state === 'queued' || u.state === 'sending';
        const id = u.uploadId ?? u.resume?.uploadId;
        if (active && id) taken.add(id);
      }
      const settings = uploadSettings.value;
      const here = prefix.value;
      const added: Upload[] = [];
      for (const { file, relativePath } of files) {
        const id = nextUpload++;
        const key = `${here}${relativePath || file.name}`;
        const match = matchUpload(kept, file, key, taken);
        pending.set(id, file);
        const upload: Upload = {
          id,
          target: { profile: where.profile, signer: where.signer, bucket: open },
          key,
          size: file.size,
          sent: 0,
          state: 'queued',
          startedAt: 0,
          startedFrom: 0,
          controller: new AbortController(),
          settings,
        };
        if (match) {
          taken.add(match.uploadId);
          const resumeAt = match.bucket === open ? where : await at(match.bucket).catch(() => null);
          if (resumeAt) {
            upload.target = {
              profile: resumeAt.profile,
              signer: resumeAt.signer,
              bucket: match.bucket,
            };
            upload.key = match.key;
            upload.resume = { uploadId: match.uploadId, partSize: match.partSize };
          }
        }
        added.push(upload);
      }
      // A paused row whose upload a new row now continues goes: its Discard would abort that.
      const superseded = (u: Upload) => u.state === 'paused' && taken.has(u.uploadId ?? '');
      uploads.value = [...uploads.value.filter((u) => !superseded(u)), ...added];
      toResume.value = toResume.value.filter((u) => !taken.has(u.uploadId));
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
    /** Stops a multipart upload but keeps it, and its parts, to finish from the same file later. */
    resumeLater(id: number) {
      const u = uploads.value.find((x) => x.id === id);
      if (u?.state === 'sending' && u.uploadId) u.controller.abort(RESUME_LATER);
    },
    /** Gives up a kept upload: the parts on the server are deleted (AbortMultipartUpload). */
    async discard(kept: Pick<ResumableUpload, 'uploadId' | 'bucket' | 'key'>) {
      try {
        const where = await at(kept.bucket);
        await abortMultipartUpload(
          where.profile,
          where.signer,
          kept.bucket,
          kept.key,
          kept.uploadId,
        ).catch((e: unknown) => {
          // Already gone on the server: forgetting it is all that is left to do.
          if (!(e instanceof CloudError && e.code === 'NoSuchUpload')) throw e;
        });
        await forgetUpload(kept.uploadId);
        for (const u of uploads.value)
          if (u.state === 'paused' && u.uploadId === kept.uploadId)
            update(u.id, { state: 'cancelled' });
        await loadResumable();
      } catch (e) {
        error.value = asError(e);
      }
    },
    busy: computed(() => uploads.value.some((u) => u.state === 'queued' || u.state === 'sending')),
    ...createObjectActions({
      at,
      bucket,
      prefix,
      dialog,
      dialogError,
      reload: loadObjects,
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
    const model = createS3Model();
    addEventListener('beforeunload', (e) => {
      if (model.busy.value) e.preventDefault();
    });
    pageModel = model;
  }
  return pageModel;
}
