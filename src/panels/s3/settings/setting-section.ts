// One settings section of a bucket (versioning, lifecycle, CORS…): reads its setting, says when
// the store does not support it (then the section stays read-only), and runs changes whose
// refusals leave the user's draft alone (the section's component keeps the draft, not this).

import { batch, signal } from '@preact/signals';
import { CloudError, type CloudErrorData } from '../../../cloud/errors';
import { isUnsupportedAction } from '../../../cloud/unsupported';
import type { CurrentProfile } from '../../current-profile';
import { asError } from '../../errors';

/** The profile and signer for a bucket's requests (on AWS: signed for the bucket's region). */
export type BucketAt = (bucket: string) => Promise<CurrentProfile>;

/** What every section component is given (here, not in the registry: sections import it). */
export interface SectionProps {
  bucket: string;
  at: BucketAt;
}

export type SectionState = 'loading' | 'ready' | 'unsupported' | 'failed';

/** A store without the feature: S3's NotImplemented (501), or a Query-style "no such action". */
export function isUnsupportedByStore(error: unknown): boolean {
  if (!(error instanceof CloudError)) return false;
  return (
    error.status === 501 ||
    isUnsupportedAction(error) ||
    error.code === 'NotImplemented' ||
    error.code === 'MethodNotAllowed' ||
    error.code === 'UnsupportedOperation'
  );
}

export function createSettingSection<T>(
  bucket: string,
  at: BucketAt,
  load: (current: CurrentProfile, bucket: string) => Promise<T>,
) {
  const value = signal<T | null>(null);
  const state = signal<SectionState>('loading');
  /** Why the last read or change failed; a change's refusal leaves `value` as it was. */
  const error = signal<CloudErrorData | null>(null);
  const saving = signal(false);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    state.value = value.value === null ? 'loading' : state.value;
    try {
      const next = await load(await at(bucket), bucket);
      if (mine !== generation) return;
      batch(() => {
        value.value = next;
        state.value = 'ready';
        error.value = null;
      });
    } catch (e) {
      if (mine !== generation) return;
      batch(() => {
        state.value = isUnsupportedByStore(e) ? 'unsupported' : 'failed';
        error.value = asError(e);
      });
    }
  }

  /** Runs a change, then reads the setting back; false (with `error`) when it was refused. */
  async function change(run: (current: CurrentProfile) => Promise<void>): Promise<boolean> {
    batch(() => {
      saving.value = true;
      error.value = null;
    });
    try {
      await run(await at(bucket));
      await reload();
      return true;
    } catch (e) {
      batch(() => {
        error.value = asError(e);
        if (isUnsupportedByStore(e)) state.value = 'unsupported';
      });
      return false;
    } finally {
      saving.value = false;
    }
  }

  void reload();
  return {
    bucket,
    value,
    state,
    error,
    saving,
    reload,
    change,
    dispose() {
      generation++;
    },
  };
}

export type SettingSection<T> = ReturnType<typeof createSettingSection<T>>;
