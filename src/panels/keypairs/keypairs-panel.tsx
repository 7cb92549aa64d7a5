import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function KeypairsPanel() {
  return (
    <EmptyState
      title={t('keyPairsEmptyTitle')}
      body={t('keyPairsEmptyBody')}
      hint={t('emptyNeedsProfile')}
    />
  );
}
