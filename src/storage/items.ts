// Every storage item Cirrus keeps, in one place.

import { browserArea } from './browser-areas';
import { defineItem } from './item';

/** Last tab the user had open in the panel. */
export const lastTab = defineItem(
  {
    key: 'ui.lastTab',
    version: 1,
    defaultValue: 'instances',
    validate: (v): v is string => typeof v === 'string',
  },
  browserArea('local'),
);

/** Background bookkeeping that must outlive a stopped service worker but not a browser restart. */
export const workerState = defineItem(
  {
    key: 'worker.state',
    version: 1,
    defaultValue: { calls: 0 },
    validate: (v): v is { calls: number } =>
      typeof v === 'object' && v !== null && typeof (v as { calls?: unknown }).calls === 'number',
  },
  browserArea('session'),
);
