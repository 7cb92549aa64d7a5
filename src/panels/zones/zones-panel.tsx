import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function ZonesPanel() {
  return (
    <EmptyState
      title={t('zonesEmptyTitle')}
      body={t('zonesEmptyBody')}
      hint={t('emptyNeedsProfile')}
    />
  );
}
