import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function InstancesPanel() {
  return (
    <EmptyState
      title={t('instancesEmptyTitle')}
      body={t('instancesEmptyBody')}
      hint={t('emptyNeedsProfile')}
    />
  );
}
