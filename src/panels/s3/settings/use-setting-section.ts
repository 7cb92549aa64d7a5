// A section component's model: built once per bucket, disposed with the component.

import { useEffect, useMemo } from 'preact/hooks';
import type { CurrentProfile } from '../../current-profile';
import { type BucketAt, createSettingSection, type SettingSection } from './setting-section';

export function useSettingSection<T>(
  bucket: string,
  at: BucketAt,
  load: (current: CurrentProfile, bucket: string) => Promise<T>,
): SettingSection<T> {
  // `load` is a new closure every render; the model is made once per bucket.
  const section = useMemo(() => createSettingSection(bucket, at, load), [bucket, at]);
  useEffect(() => () => section.dispose(), [section]);
  return section;
}
