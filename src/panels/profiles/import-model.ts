import { signal } from '@preact/signals';
import type { CloudErrorData } from '../../cloud/errors';
import { importFiles, importText } from '../../cloud/import';
import type { ImportedProfile, ImportResult } from '../../cloud/import/types';
import { call } from '../../shared/call';
import { asError } from '../errors';

/** Reading credential files the user drops or pastes, and saving what they pick. */
export function createImportModel(onSaved: (count: number) => void) {
  const text = signal('');
  const results = signal<ImportResult[]>([]);
  const selected = signal<boolean[]>([]);
  const error = signal<CloudErrorData | null>(null);
  const saving = signal(false);

  const found = (): ImportedProfile[] => results.value.flatMap((r) => r.profiles);

  function show(next: ImportResult[]) {
    results.value = next;
    selected.value = next.flatMap((r) => r.profiles.map(() => true));
    error.value = null;
  }

  return {
    text,
    results,
    selected,
    error,
    saving,
    found,
    readText() {
      show([importText(text.value)]);
    },
    async readFiles(files: File[]) {
      const read = await Promise.all(
        files.map(async (file) => ({ name: file.name, text: await file.text() })),
      );
      show(importFiles(read));
    },
    toggle(index: number) {
      selected.value = selected.value.map((on, i) => (i === index ? !on : on));
    },
    async save() {
      const items = found()
        .filter((_, i) => selected.value[i])
        .map(({ draft, secret }) => ({
          profile: { ...draft, id: '' },
          ...(secret ? { secret } : {}),
        }));
      if (!items.length) return;
      saving.value = true;
      try {
        const { profiles } = await call('profilesImport', { items });
        results.value = [];
        text.value = '';
        onSaved(profiles.length);
      } catch (e) {
        error.value = asError(e);
      } finally {
        saving.value = false;
      }
    },
  };
}

export type ImportModel = ReturnType<typeof createImportModel>;
