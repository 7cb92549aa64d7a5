// The checks before a copy, move or rename touches anything: what makes no sense (a folder into
// itself, onto itself, overlapping targets, unaddressable keys) comes back as a message key.

import { unaddressableKeyReason } from '../../cloud/s3';
import type { MessageKey } from '../i18n';
import { renamedKey, targetKey } from './key-paths';

export interface Place {
  bucket: string;
  /** A key prefix: '' or ending in '/'. */
  prefix: string;
}

/**
 * Why copying the selected entries (keys at `from.prefix`; folders end in '/') to `to` makes no
 * sense, checked before anything is listed: a folder into itself, or everything onto itself.
 */
export function copyRefusal(from: Place, selected: string[], to: Place): MessageKey | null {
  if (from.bucket !== to.bucket) return null;
  if (selected.some((key) => key.endsWith('/') && to.prefix.startsWith(key)))
    return 'objCopyIntoItself';
  if (to.prefix === from.prefix) return 'objCopySameKey';
  return null;
}

export interface TransferItem {
  source: string;
  target: string;
}

/**
 * One copy per source key. In one bucket no target may be a source too: that copy would overwrite
 * an object still waiting to be copied (or, in a move, deleted afterwards).
 */
export function planTransfer(
  keys: string[],
  from: Place,
  to: Place,
): { items: TransferItem[] } | { problem: MessageKey } {
  const items = [...new Set(keys)].map((source) => ({
    source,
    target: targetKey(source, from.prefix, to.prefix),
  }));
  if (from.bucket === to.bucket) {
    if (items.some((item) => item.source === item.target)) return { problem: 'objCopySameKey' };
    const sources = new Set(keys);
    if (items.some((item) => sources.has(item.target))) return { problem: 'objCopyOverlaps' };
  }
  if (items.some((item) => unaddressableKeyReason(item.target)))
    return { problem: 'objBadDotSegment' };
  return { items };
}

/** What is wrong with a new name for the entry `key` (a folder when it ends in '/'). */
export function renameProblem(key: string, name: string): MessageKey | null {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '/') return 'fieldRequired';
  if (trimmed.startsWith('/')) return 'objRenameLeadingSlash';
  if (unaddressableKeyReason(trimmed.replace(/\/+$/, '')) !== undefined) return 'objBadDotSegment';
  const to = renamedKey(key, trimmed);
  if (to === key) return 'objRenameSame';
  if (key.endsWith('/') && to.startsWith(key)) return 'objCopyIntoItself';
  return null;
}
