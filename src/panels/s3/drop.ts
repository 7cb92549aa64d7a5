import type { DroppedFile } from './upload-queue';

// Folders arrive as FileSystemEntry trees (webkitGetAsEntry works in Chrome and Firefox).
function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, path: string, out: DroppedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ file, relativePath: `${path}${entry.name}` });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a batch at a time (100 in Chrome) until it returns none.
  for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, `${path}${entry.name}/`, out);
  }
}

/** Every file in a drop, folders walked recursively with their relative paths kept. */
export async function droppedFiles(data: DataTransfer): Promise<DroppedFile[]> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length && entries.every((e) => e !== null)) {
    const out: DroppedFile[] = [];
    for (const entry of entries) await walk(entry as FileSystemEntry, '', out);
    return out;
  }
  // A DataTransfer built by a script (or an old browser) has files but no entries.
  return [...data.files].map((file) => ({ file, relativePath: '' }));
}
