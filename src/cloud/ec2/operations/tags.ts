// CreateTags and DeleteTags on any resources (instances, images, volumes, snapshots…).

import { returned } from '../fields';
import type { Ec2Operation } from '../operation';
import { flattenQuery } from '../query';
import type { TagInput } from '../types';

export interface TagsInput {
  resources: string[];
  tags: TagInput[];
}

export const createTags: Ec2Operation<TagsInput, boolean> = {
  action: 'CreateTags',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      ResourceId: input.resources,
      // A tag without a value is an empty value; some servers (moto) fail on a missing Value.
      Tag: input.tags.map((t) => ({ Key: t.key, Value: t.value ?? '' })),
    }),
  read: returned,
};

export const deleteTags: Ec2Operation<TagsInput, boolean> = {
  action: 'DeleteTags',
  readOnly: false,
  params: (input) =>
    flattenQuery({
      ResourceId: input.resources,
      // Without Value the key goes whatever its value; with one, only if it matches.
      Tag: input.tags.map((t) => ({ Key: t.key, Value: t.value })),
    }),
  read: returned,
};
