import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function ProfilesPanel() {
  return <EmptyState title={t('profilesEmptyTitle')} body={t('profilesEmptyBody')} />;
}
