// The one registry of a bucket's settings sections, in the order the Settings view shows them.
// A section is a component given the bucket and how to reach it; it builds its model with
// createSettingSection (setting-section.ts) and says itself when the store lacks the feature.

import type { FunctionComponent } from 'preact';
import type { MessageKey } from '../../i18n';
import { CorsSection } from './cors-section';
import { EncryptionSection } from './encryption-section';
import { LifecycleSection } from './lifecycle-section';
import { LoggingSection } from './logging-section';
import { OwnershipSection } from './ownership-section';
import { PolicySection } from './policy-section';
import { PublicAccessSection } from './public-access-section';
import type { SectionProps } from './setting-section';
import { TagsSection } from './tags-section';
import { VersioningSection } from './versioning-section';
import { WebsiteSection } from './website-section';

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
  { id: 'policy', title: 's3PolicyTitle', Component: PolicySection },
  { id: 'website', title: 's3WebsiteTitle', Component: WebsiteSection },
  { id: 'encryption', title: 's3EncryptionTitle', Component: EncryptionSection },
  { id: 'tags', title: 's3TagsTitle', Component: TagsSection },
  { id: 'public-access', title: 's3PublicAccessTitle', Component: PublicAccessSection },
  { id: 'ownership', title: 's3OwnershipTitle', Component: OwnershipSection },
  { id: 'logging', title: 's3LoggingTitle', Component: LoggingSection },
];
