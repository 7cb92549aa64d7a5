import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function VolumesPanel() {
  return (
    <EmptyState
      title={t('volumesEmptyTitle')}
      body={t('volumesEmptyBody')}
      hint={t('emptyNeedsProfile')}
    />
  );
}
