import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function ImagesPanel() {
  return (
    <EmptyState
      title={t('imagesEmptyTitle')}
      body={t('imagesEmptyBody')}
      hint={t('emptyNeedsProfile')}
    />
  );
}
