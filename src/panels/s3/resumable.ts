// The multipart uploads this browser started and did not finish (s3.resumable): kept while they
// run and after "Resume later", so a reload can list them and a dropped file can pick one up.

import { type ResumableUpload, resumableUploads } from '../../storage/items';

// Writes go one after another: two uploads finishing parts at once would otherwise read the
// same record set and the second write would drop the first's change.
let queue: Promise<unknown> = Promise.resolve();
function change(edit: (all: Record<string, ResumableUpload>) => void): Promise<void> {
  const next = queue.then(() =>
    resumableUploads.update((all) => {
      const copy = { ...all };
      edit(copy);
      return copy;
    }),
  );
  queue = next.catch(() => undefined);
  return next.then(() => undefined);
}

export function keepUpload(record: ResumableUpload): Promise<void> {
  return change((all) => {
    all[record.uploadId] = record;
  });
}

export function updateUpload(uploadId: string, patch: Partial<ResumableUpload>): Promise<void> {
  return change((all) => {
    const found = all[uploadId];
    if (found) all[uploadId] = { ...found, ...patch, at: Date.now() };
  });
}

export function forgetUpload(uploadId: string): Promise<void> {
  return change((all) => {
    delete all[uploadId];
  });
}

export async function uploadsToResume(profileId: string): Promise<ResumableUpload[]> {
  const all = await resumableUploads.get();
  return Object.values(all)
    .filter((u) => u.profileId === profileId)
    .sort((a, b) => b.at - a.at);
}
