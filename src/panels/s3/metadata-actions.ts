// The properties dialog's steps: read an object's headers and metadata, save them edited.

import { asError } from '../errors';
import type { MetadataForm, MetadataProblems } from './metadata-ops';
import { readMetadata, saveMetadata } from './metadata-ops';
import { type ObjectActionContext, showDialog, stillOpen } from './object-action-context';

export function createMetadataActions(ctx: ObjectActionContext) {
  return {
    async openProperties(key: string) {
      showDialog(ctx, { kind: 'properties', key, head: null });
      const bucket = ctx.bucket.value;
      if (!bucket) return;
      try {
        const head = await readMetadata(await ctx.at(bucket), bucket, key);
        if (stillOpen(ctx, 'properties', key)) ctx.dialog.value = { kind: 'properties', key, head };
      } catch (e) {
        if (stillOpen(ctx, 'properties', key)) ctx.dialogError.value = asError(e);
      }
    },
    /** Saves edited headers and metadata; field problems come back, server errors show. */
    async saveProperties(key: string, form: MetadataForm): Promise<MetadataProblems | null> {
      const bucket = ctx.bucket.value;
      if (!bucket) return null;
      ctx.dialogError.value = null;
      try {
        const result = await saveMetadata(await ctx.at(bucket), bucket, key, form);
        if ('problems' in result) return result.problems;
        if (stillOpen(ctx, 'properties', key)) ctx.dialog.value = null;
        await ctx.reload();
      } catch (e) {
        ctx.dialogError.value = asError(e);
      }
      return null;
    },
  };
}
