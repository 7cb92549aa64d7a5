// The Name tag, the name most clouds and consoles show for a resource that has no name of its own.

import type { Tag } from '../../cloud/ec2';
import { t } from '../i18n';
import type { Column } from './virtual-table';

export function nameTag(resource: { tags: readonly Tag[] }): string {
  return resource.tags.find((tag) => tag.key === 'Name')?.value ?? '';
}

/**
 * A column of the Name tag, shown as text. Lists whose resources have a name of their own (images,
 * key pairs, security groups) call it "Name tag" beside that name.
 */
export function nameTagColumn<T extends { tags: readonly Tag[] }>(
  id = 'nameTag',
  label = t('taggingColName'),
): Column<T> {
  return { id, label, value: nameTag };
}
