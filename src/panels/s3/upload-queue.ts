// The S3 panel's upload queue: files wait (queued), go a few at a time (sending) and end done,
// failed, cancelled or paused ("Resume later": the multipart upload and its parts stay on the
// server, recorded in s3.resumable). A dropped file that matches a kept upload continues it.

import { computed, signal } from '@preact/signals';
import { CloudError, type CloudErrorData } from '../../cloud/errors';
import { abortMultipartUpload, type CannedAcl } from '../../cloud/s3';
import type { ResumableUpload } from '../../storage/items';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import type { BucketTarget } from './bucket-target';
import { forgetUpload, keepUpload, updateUpload, uploadsToResume } from './resumable';
import { matchUpload } from './resume-match';
import { RESUME_LATER, uploadFile } from './upload';

/** What the user chose for the next files (the upload options). */
export interface UploadSettings {
  acl: CannedAcl | '';
  /** x-amz-meta-* without the prefix. */
  metadata: Record<string, string>;
}

export type UploadState = 'queued' | 'sending' | 'done' | 'failed' | 'cancelled' | 'paused';

export interface Upload {
  id: number;
  /** Where it goes, fixed when it is queued: browsing elsewhere meanwhile changes nothing. */
  target: { profile: CurrentProfile['profile']; signer: CurrentProfile['signer']; bucket: string };
  key: string;
  size: number;
  sent: number;
  state: UploadState;
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

export interface UploadQueueDeps {
  /** The profile and signer for a bucket's requests. */
  at: BucketTarget;
  /** The followed profile's id, whose kept uploads are listed. */
  profileId: () => string | undefined;
  /** Every upload has ended: the object list shows what arrived. */
  onIdle: () => void;
  /** A failure outside any one row (the bucket's region could not be found, a discard failed). */
  onError: (error: CloudErrorData) => void;
  /** uploadFile in the page; tests pass their own. */
  send?: typeof uploadFile;
  /** AbortMultipartUpload in the page; tests pass their own. */
  abortUpload?: (
    where: CurrentProfile,
    bucket: string,
    key: string,
    uploadId: string,
  ) => Promise<unknown>;
  /** Files sending at once (default 2). */
  atOnce?: number;
}

const NO_SETTINGS: UploadSettings = { acl: '', metadata: {} };

const active = (u: Upload) => u.state === 'queued' || u.state === 'sending';

export function createUploadQueue(deps: UploadQueueDeps) {
  const send = deps.send ?? uploadFile;
  const abortUpload =
    deps.abortUpload ??
    ((where: CurrentProfile, bucket: string, key: string, uploadId: string) =>
      abortMultipartUpload(where.profile, where.signer, bucket, key, uploadId));
  const atOnce = deps.atOnce ?? 2;
  const uploads = signal<Upload[]>([]);
  /** Multipart uploads kept from earlier (this page's paused ones, or a closed page's). */
  const toResume = signal<ResumableUpload[]>([]);
  const settings = signal<UploadSettings>(NO_SETTINGS);
  // The files of queued rows: a File is not state to render, and stays out of the signal.
  const pending = new Map<number, File>();
  let nextId = 1;
  let running = 0;

  function update(id: number, patch: Partial<Upload>) {
    uploads.value = uploads.value.map((u) => (u.id === id ? { ...u, ...patch } : u));
  }

  async function loadResumable() {
    const profileId = deps.profileId();
    if (!profileId) return;
    const going = new Set(uploads.value.map((u) => u.uploadId ?? u.resume?.uploadId));
    const kept = await uploadsToResume(profileId).catch(() => []);
    if (deps.profileId() === profileId) toResume.value = kept.filter((u) => !going.has(u.uploadId));
  }

  function pump() {
    while (running < atOnce) {
      const next = uploads.value.find((u) => u.state === 'queued');
      if (!next) return;
      running++;
      update(next.id, { state: 'sending', startedAt: Date.now() });
      const file = pending.get(next.id) as File;
      pending.delete(next.id);
      void run(next, file).finally(() => {
        running--;
        pump();
        if (!uploads.value.some(active)) deps.onIdle();
      });
    }
  }

  /** Ends a row that stopped: cancelled when the user aborted it, else failed with the reason. */
  function stopped(upload: Upload, error: unknown) {
    update(
      upload.id,
      upload.controller.signal.aborted
        ? { state: 'cancelled' }
        : { state: 'failed', error: asError(error) },
    );
  }

  async function run(upload: Upload, file: File) {
    const { id } = upload;
    const target = { ...upload.target, key: upload.key };
    let uploadId = upload.resume?.uploadId;
    /** The multipart upload is under way (so a failure from here on aborts it). */
    let live = false;
    const write = {
      ...(upload.settings.acl ? { acl: upload.settings.acl } : {}),
      ...(Object.keys(upload.settings.metadata).length
        ? { metadata: upload.settings.metadata }
        : {}),
    };
    try {
      await send(target, file, {
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
        stopped(upload, e);
        void loadResumable();
        return;
      }
      if (upload.controller.signal.reason === RESUME_LATER && uploadId) {
        update(id, { state: 'paused' });
        await updateUpload(uploadId, {});
        void loadResumable();
        return;
      }
      stopped(upload, e);
      // uploadFile aborted the multipart upload on the server; nothing is left to resume.
      if (uploadId) await forgetUpload(uploadId);
    }
  }

  return {
    uploads,
    toResume,
    settings,
    busy: computed(() => uploads.value.some(active)),
    /** Lists the followed profile's kept uploads (after a switch of profile, or a reload). */
    loadResumable,
    /** Another profile: its kept uploads are not this one's. Rows already queued go on. */
    clearResumable() {
      toResume.value = [];
    },
    /**
     * Queues files for `bucket` under `prefix`; a dropped folder keeps its relative paths. A file
     * that matches an upload put off with "Resume later" continues it, where it was going, and
     * replaces that upload's paused row.
     */
    async add(files: DroppedFile[], bucket: string, prefix: string) {
      const profileId = deps.profileId();
      if (!profileId) return;
      let where: CurrentProfile;
      try {
        where = await deps.at(bucket);
      } catch (e) {
        deps.onError(asError(e));
        return;
      }
      const kept = await uploadsToResume(profileId).catch(() => []);
      const taken = new Set<string>();
      for (const u of uploads.value) {
        const id = u.uploadId ?? u.resume?.uploadId;
        if (active(u) && id) taken.add(id);
      }
      const chosen = settings.value;
      const added: Upload[] = [];
      for (const { file, relativePath } of files) {
        const id = nextId++;
        const key = `${prefix}${relativePath || file.name}`;
        const match = matchUpload(kept, file, key, taken);
        pending.set(id, file);
        const upload: Upload = {
          id,
          target: { profile: where.profile, signer: where.signer, bucket },
          key,
          size: file.size,
          sent: 0,
          state: 'queued',
          startedAt: 0,
          startedFrom: 0,
          controller: new AbortController(),
          settings: chosen,
        };
        if (match) {
          taken.add(match.uploadId);
          const resumeAt =
            match.bucket === bucket ? where : await deps.at(match.bucket).catch(() => null);
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
    /** Cancels one upload, or every one still queued or sending. */
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
        const where = await deps.at(kept.bucket);
        await abortUpload(where, kept.bucket, kept.key, kept.uploadId).catch((e: unknown) => {
          // Already gone on the server: forgetting it is all that is left to do.
          if (!(e instanceof CloudError && e.code === 'NoSuchUpload')) throw e;
        });
        await forgetUpload(kept.uploadId);
        for (const u of uploads.value)
          if (u.state === 'paused' && u.uploadId === kept.uploadId)
            update(u.id, { state: 'cancelled' });
        await loadResumable();
      } catch (e) {
        deps.onError(asError(e));
      }
    },
  };
}

export type UploadQueue = ReturnType<typeof createUploadQueue>;
