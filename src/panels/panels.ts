// The one registry of tabs: the tab bar is built from it, and a unit test fails if a
// panel folder under src/panels/ is missing here.
import type { ComponentType } from 'preact';
import type { MessageKey } from './i18n';

export interface PanelDef {
  /** Also the panel's folder name under src/panels/. */
  id: string;
  title: MessageKey;
  /** Panels load on first use, so the panel page opens with only the shell's code. */
  load: () => Promise<{ default: ComponentType }>;
}

export const panels = [
  { id: 'overview', title: 'tabOverview', load: () => import('./overview/overview-panel') },
  { id: 'instances', title: 'tabInstances', load: () => import('./instances/instances-panel') },
  { id: 'images', title: 'tabImages', load: () => import('./images/images-panel') },
  { id: 'keypairs', title: 'tabKeyPairs', load: () => import('./keypairs/keypairs-panel') },
  {
    id: 'security-groups',
    title: 'tabSecurityGroups',
    load: () => import('./security-groups/security-groups-panel'),
  },
  { id: 'addresses', title: 'tabAddresses', load: () => import('./addresses/addresses-panel') },
  { id: 'volumes', title: 'tabVolumes', load: () => import('./volumes/volumes-panel') },
  { id: 'zones', title: 'tabZones', load: () => import('./zones/zones-panel') },
  { id: 'alarms', title: 'tabAlarms', load: () => import('./alarms/alarms-panel') },
  { id: 's3', title: 'tabS3', load: () => import('./s3/s3-panel') },
  { id: 'iam', title: 'tabIam', load: () => import('./iam/iam-panel') },
  { id: 'profiles', title: 'tabProfiles', load: () => import('./profiles/profiles-panel') },
] as const satisfies readonly PanelDef[];

export type PanelId = (typeof panels)[number]['id'];

export function isPanelId(id: string): id is PanelId {
  return panels.some((panel) => panel.id === id);
}
