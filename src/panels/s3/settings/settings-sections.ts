// The one registry of a bucket's settings sections, in the order the Settings view shows them.
// A section is a component given the bucket and how to reach it; it builds its model with
// createSettingSection (setting-section.ts) and says itself when the store lacks the feature.

import type { FunctionComponent } from 'preact';
import type { MessageKey } from '../../i18n';
import { CorsSection } from './cors-section';
import { LifecycleSection } from './lifecycle-section';
import type { SectionProps } from './setting-section';
import { VersioningSection } from './versioning-section';

export type { SectionProps };

export interface SettingsSectionEntry {
  id: string;
  title: MessageKey;
  Component: FunctionComponent<SectionProps>;
}

export const SETTINGS_SECTIONS: readonly SettingsSectionEntry[] = [
  { id: 'versioning', title: 's3VersioningTitle', Component: VersioningSection },
  { id: 'lifecycle', title: 's3LifecycleTitle', Component: LifecycleSection },
  { id: 'cors', title: 's3CorsTitle', Component: CorsSection },
];
