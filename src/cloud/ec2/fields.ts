// Small readers for the pieces many EC2 responses share: text fields, flags, `<xSet><item>` lists,
// tags, groups and block devices. They take parseXml-shaped values and never look at namespaces.

import { child, elements, isElement, text, type XmlElement, type XmlValue } from '../xml';
import type { BlockDeviceMapping, GroupRef, InstanceState, Tag } from './types';

/** The text of a child element, '' when absent. */
export function str(node: XmlValue | undefined, name: string): string {
  return text(child(node, name));
}

/** A child flag: only the text 'true' (any case) is true. */
export function flag(node: XmlValue | undefined, name: string): boolean {
  return str(node, name).toLowerCase() === 'true';
}

/** The `<item>` elements of a set, one or many or none: items(node, 'tagSet'). */
export function items(node: XmlValue | undefined, setName: string): XmlElement[] {
  return elements(child(child(node, setName), 'item'));
}

/** The text `<item>`s of a set (`<item>ebs</item>`), skipping empty ones. */
export function textItems(node: XmlValue | undefined, setName: string): string[] {
  const value = child(child(node, setName), 'item');
  const all = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return all.map((v) => text(v)).filter(Boolean);
}

/**
 * `<return>true</return>` of a mutating call. Absent counts as success: the call did not fail,
 * and some servers (moto, older Eucalyptus) leave it out.
 */
export function returned(doc: XmlValue): boolean {
  return str(doc, 'return').toLowerCase() !== 'false';
}

export function readTags(node: XmlValue | undefined): Tag[] {
  return items(node, 'tagSet').map((item) => ({
    key: str(item, 'key'),
    value: str(item, 'value'),
  }));
}

export function readGroups(node: XmlValue | undefined, setName = 'groupSet'): GroupRef[] {
  return items(node, setName).map((item) => ({
    groupId: str(item, 'groupId'),
    groupName: str(item, 'groupName'),
  }));
}

export function readState(node: XmlValue | undefined): InstanceState {
  return { code: str(node, 'code'), name: str(node, 'name') };
}

export function readBlockDeviceMappings(node: XmlValue | undefined): BlockDeviceMapping[] {
  return items(node, 'blockDeviceMapping').map((item) => {
    const mapping: BlockDeviceMapping = {
      deviceName: str(item, 'deviceName'),
      virtualName: str(item, 'virtualName'),
      // <noDevice/> is present and empty when set.
      noDevice: child(item, 'noDevice') !== undefined,
    };
    const ebs = child(item, 'ebs');
    if (isElement(ebs)) {
      mapping.ebs = {
        snapshotId: str(ebs, 'snapshotId'),
        volumeId: str(ebs, 'volumeId'),
        volumeSize: str(ebs, 'volumeSize'),
        volumeType: str(ebs, 'volumeType'),
        deleteOnTermination: flag(ebs, 'deleteOnTermination'),
        status: str(ebs, 'status'),
        attachTime: str(ebs, 'attachTime'),
        encrypted: flag(ebs, 'encrypted'),
      };
    }
    return mapping;
  });
}
