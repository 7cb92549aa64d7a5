// The object browser's "Show versions" view: every version and delete marker of the current
// folder's objects (one level, delimiter '/'), listed page by page into one growing array so
// 100,000 versions stay smooth, with the actions S3 allows on one version: download it, restore
// it (copy it over its own key as the newest version) and delete it for good.

import { batch, computed, type Signal, signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import {
  copyObject,
  deleteObject,
  listObjectVersions,
  type ObjectVersion,
  presignedGet,
} from '../../cloud/s3';
import browser from '../../shared/browser';
import { asError } from '../errors';
import type { BucketTarget } from './bucket-target';
import { downloadName } from './download-name';
import { isUnsupportedByStore } from './settings/setting-section';

/** A row of the versions table: a folder of the current level, or one version of an object. */
export type VersionRow =
  | { kind: 'folder'; id: string; key: string; name: string }
  | { kind: 'version'; id: string; key: string; name: string; version: ObjectVersion };

/** A version row's id: its key and version id (a key has many versions). */
export function versionRowId(key: string, versionId: string): string {
  return `${key}\u0000${versionId}`;
}

export interface VersionListSource {
  at: BucketTarget;
  bucket: Signal<string | null>;
  prefix: Signal<string>;
  /** The browser's search text, applied to the names here too. */
  query: Signal<string>;
}

export type VersionNotice = { kind: 'restored'; key: string; lastModified: string };

export function createVersionList(source: VersionListSource) {
  const show = signal(false);
  const rows = signal<VersionRow[]>([]);
  const loading = signal(false);
  const error = signal<CloudErrorData | null>(null);
  /** The bucket whose store refused to list versions (the view then says so). */
  const unsupported = signal<string | null>(null);
  const selected = signal<ReadonlySet<string>>(new Set());
  const notice = signal<VersionNotice | null>(null);
  /** The version whose permanent deletion is being confirmed, and that dialog's refusal. */
  const confirming = signal<ObjectVersion | null>(null);
  const confirmError = signal<CloudErrorData | null>(null);
  let generation = 0;
  /** Where the rows were last listed from (bucket and folder), so a view follows moves only. */
  let listedAt = '';

  const filtered = computed(() => {
    const q = source.query.value.toLowerCase();
    return q ? rows.value.filter((r) => r.name.toLowerCase().includes(q)) : rows.value;
  });

  /** The one version selected, if exactly one version row is. */
  const chosen = computed((): ObjectVersion | null => {
    if (selected.value.size !== 1) return null;
    const [id] = selected.value;
    const row = rows.value.find((r) => r.id === id);
    return row?.kind === 'version' ? row.version : null;
  });

  async function load(): Promise<void> {
    const mine = ++generation;
    const bucket = source.bucket.value;
    if (!bucket || !show.value) return;
    const at = source.prefix.value;
    listedAt = `${bucket}/${at}`;
    const cut = (key: string) => key.slice(at.length);
    const listed: VersionRow[] = [];
    batch(() => {
      loading.value = true;
      rows.value = [];
      selected.value = new Set();
      error.value = null;
    });
    try {
      const where = await source.at(bucket);
      await listObjectVersions(where.profile, where.signer, bucket, {
        prefix: at,
        delimiter: '/',
        onPage(versions, prefixes) {
          if (mine !== generation) return;
          for (const p of prefixes) listed.push({ kind: 'folder', id: p, key: p, name: cut(p) });
          for (const v of versions) {
            // The folder's own `prefix/` marker object is the folder itself, not a file in it.
            if (v.key === at) continue;
            listed.push({
              kind: 'version',
              id: versionRowId(v.key, v.versionId),
              key: v.key,
              name: cut(v.key),
              version: v,
            });
          }
          // Grown in place, handed out as a fresh array per page (see object-browser.ts).
          rows.value = listed.slice();
        },
      });
      if (mine === generation && unsupported.value === bucket) unsupported.value = null;
    } catch (e) {
      if (mine !== generation) return;
      if (isUnsupportedByStore(e)) unsupported.value = bucket;
      error.value = asError(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    show,
    rows,
    filtered,
    loading,
    error,
    unsupported,
    selected,
    chosen,
    notice,
    confirming,
    confirmError,
    load,
    /** Lists again when the browser moved to another bucket or folder since the last listing. */
    follow() {
      const bucket = source.bucket.value;
      if (show.value && bucket && listedAt !== `${bucket}/${source.prefix.value}`) void load();
    },
    /** Turns the versions view on or off; on lists the current folder's versions. */
    setShow(on: boolean) {
      batch(() => {
        show.value = on;
        notice.value = null;
        if (!on) {
          generation++;
          rows.value = [];
          selected.value = new Set();
          error.value = null;
          loading.value = false;
          listedAt = '';
        }
      });
      if (on) void load();
    },
    /** Saves one version through the downloads API from a presigned GET of that version. */
    async download(version: ObjectVersion) {
      const bucket = source.bucket.value;
      if (!bucket || version.deleteMarker) return;
      try {
        const where = await source.at(bucket);
        const url = await presignedGet(where.profile, where.signer, bucket, version.key, 3600, {
          versionId: version.versionId,
        });
        await browser.downloads.download({
          url,
          filename: downloadName(version.key, source.prefix.value),
          saveAs: false,
          conflictAction: 'uniquify',
        });
      } catch (e) {
        error.value = asError(e);
      }
    },
    /**
     * Restores a version: S3 has no "undo", so the version is copied over its own key and becomes
     * the newest one; every other version (the one it replaces too) stays.
     */
    async restore(version: ObjectVersion) {
      const bucket = source.bucket.value;
      if (!bucket || version.deleteMarker) return;
      notice.value = null;
      try {
        const where = await source.at(bucket);
        await copyObject(where.profile, where.signer, bucket, version.key, bucket, version.key, {
          sourceVersionId: version.versionId,
        });
        notice.value = { kind: 'restored', key: version.key, lastModified: version.lastModified };
        await load();
      } catch (e) {
        error.value = asError(e);
      }
    },
    askDelete(version: ObjectVersion) {
      batch(() => {
        confirming.value = version;
        confirmError.value = null;
      });
    },
    closeDelete() {
      confirming.value = null;
    },
    /** Deletes one version or delete marker for good (DeleteObject with its versionId). */
    async deleteVersion(version: ObjectVersion) {
      const bucket = source.bucket.value;
      if (!bucket) return;
      try {
        const where = await source.at(bucket);
        await deleteObject(where.profile, where.signer, bucket, version.key, {
          versionId: version.versionId,
        });
        if (confirming.value === version) confirming.value = null;
        await load();
      } catch (e) {
        confirmError.value = asError(e);
      }
    },
  };
}

export type VersionList = ReturnType<typeof createVersionList>;
