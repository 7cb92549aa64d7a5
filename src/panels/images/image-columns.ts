import type { Image } from '../../cloud/ec2';
import { nameTagColumn } from '../components/name-tag';
import type { Column } from '../components/virtual-table';
import { t } from '../i18n';

export function imageColumns(): Column<Image>[] {
  return [
    { id: 'imageId', label: t('colImageId'), value: (i) => i.imageId },
    { id: 'name', label: t('colName'), value: (i) => i.name },
    nameTagColumn(),
    { id: 'state', label: t('colState'), value: (i) => i.imageState },
    { id: 'type', label: t('colImageType'), value: (i) => i.imageType },
    { id: 'owner', label: t('colOwner'), value: (i) => i.imageOwnerAlias || i.imageOwnerId },
    {
      id: 'visibility',
      label: t('colVisibility'),
      value: (i) => (i.isPublic ? t('imagePublic') : t('imagePrivate')),
    },
    { id: 'architecture', label: t('colArchitecture'), value: (i) => i.architecture },
    { id: 'rootDevice', label: t('colRootDevice'), value: (i) => i.rootDeviceType },
    { id: 'location', label: t('colLocation'), value: (i) => i.imageLocation },
    { id: 'description', label: t('colDescription'), value: (i) => i.description },
    { id: 'kernel', label: t('colKernel'), value: (i) => i.kernelId },
    { id: 'ramdisk', label: t('colRamdisk'), value: (i) => i.ramdiskId },
    { id: 'created', label: t('colCreated'), value: (i) => i.creationDate },
  ];
}
