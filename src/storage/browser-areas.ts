import browser from '../shared/browser';
import type { AreaName, StorageArea } from './area';

/** Resolved on use, so a module that defines items can be imported before the browser is ready. */
export function browserArea(name: AreaName): () => StorageArea {
  return () => browser.storage[name] as unknown as StorageArea;
}
