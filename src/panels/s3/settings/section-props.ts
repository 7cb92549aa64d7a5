// What every settings section is given; apart from the registry so sections need not import it
// (the registry imports them).

import type { BucketAt } from './setting-section';

export interface SectionProps {
  bucket: string;
  at: BucketAt;
}
