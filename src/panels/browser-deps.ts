// The model dependencies as the extension's pages provide them.

import browser from '../shared/browser';
import { watchCurrentProfile } from './current-profile';
import type { ModelDeps } from './model-deps';

export const browserDeps: ModelDeps = {
  profiles: watchCurrentProfile,
  storageEvents: browser.storage.onChanged,
};
