// Where a compare's local files come from: Chrome's directory picker (its handle remembered in
// IndexedDB, read permission asked again on use), a folder input (webkitdirectory, Firefox and
// Chrome) or a dropped folder. Every path comes out relative to the chosen folder.

import { droppedFiles } from '../drop';
import { type LocalFile, withoutTopFolder } from './sync-compare';

export interface PickedFolder {
  name: string;
  files: LocalFile<Blob>[];
}

const DB = 'cirrus-sync';
const STORE = 'folders';
const LAST = 'last';

interface DirectoryHandle {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
  queryPermission?(opts: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(opts: { mode: 'read' }): Promise<PermissionState>;
}
interface FileHandle {
  kind: 'file';
  name: string;
  getFile(): Promise<File>;
}
type DirectoryPicker = (opts?: { id?: string; mode?: 'read' }) => Promise<DirectoryHandle>;

function picker(): DirectoryPicker | undefined {
  return (globalThis as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
}

/** Chrome has the File System Access picker; Firefox does not (it gets the folder input). */
export const canPickDirectory = () => typeof picker() === 'function';

function local(path: string, file: File): LocalFile<Blob> {
  return { path, size: file.size, file };
}

async function walk(dir: DirectoryHandle, path: string, out: LocalFile<Blob>[]): Promise<void> {
  for await (const entry of dir.values()) {
    if (entry.kind === 'file') out.push(local(`${path}${entry.name}`, await entry.getFile()));
    else await walk(entry, `${path}${entry.name}/`, out);
  }
}

function store<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => {
        db.close();
        reject(request.error);
      };
    };
  });
}

async function read(dir: DirectoryHandle): Promise<PickedFolder> {
  const files: LocalFile<Blob>[] = [];
  await walk(dir, '', files);
  return { name: dir.name, files };
}

/** Asks for a folder with the File System Access picker and remembers it for next time. */
export async function pickDirectory(): Promise<PickedFolder | null> {
  const pick = picker();
  if (!pick) return null;
  let dir: DirectoryHandle;
  try {
    dir = await pick({ id: 'cirrus-sync', mode: 'read' });
  } catch {
    return null; // The user closed the picker.
  }
  await store('readwrite', (s) => s.put(dir, LAST)).catch(() => undefined);
  return read(dir);
}

/** The folder picked last time, if the browser keeps handles; null when none or refused. */
export async function rememberedDirectoryName(): Promise<string | null> {
  if (!canPickDirectory()) return null;
  const dir = await store<DirectoryHandle | undefined>('readonly', (s) => s.get(LAST)).catch(
    () => undefined,
  );
  return dir?.name ?? null;
}

/** Reads the remembered folder again, asking for read permission (a click must lead here). */
export async function reopenDirectory(): Promise<PickedFolder | null> {
  const dir = await store<DirectoryHandle | undefined>('readonly', (s) => s.get(LAST)).catch(
    () => undefined,
  );
  if (!dir) return null;
  const state = (await dir.queryPermission?.({ mode: 'read' })) ?? 'granted';
  if (state !== 'granted' && (await dir.requestPermission?.({ mode: 'read' })) !== 'granted')
    return null;
  return read(dir);
}

/** The files of a folder input (webkitRelativePath starts with the folder's own name). */
export function pickedFolder(files: readonly File[]): PickedFolder {
  const name = files[0]?.webkitRelativePath.split('/')[0] ?? '';
  return {
    name,
    files: files.map((f) => local(withoutTopFolder(f.webkitRelativePath || f.name), f)),
  };
}

/** A drop: one folder compares its contents; loose files compare by their names. */
export async function droppedFolder(data: DataTransfer): Promise<PickedFolder | null> {
  const dropped = await droppedFiles(data);
  if (!dropped.length) return null;
  const tops = new Set(
    dropped.map((d) => (d.relativePath.includes('/') ? d.relativePath.split('/')[0] : '')),
  );
  const one = tops.size === 1 && !tops.has('') ? ([...tops][0] ?? '') : '';
  return {
    name: one,
    files: dropped.map((d) =>
      local(one ? withoutTopFolder(d.relativePath) : d.relativePath || d.file.name, d.file),
    ),
  };
}
