import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function SecurityGroupsPanel() {
  return (
    <EmptyState
      title={t('securityGroupsEmptyTitle')}
      body={t('securityGroupsEmptyBody')}
      hint={t('emptyNeedsProfile')}
    />
  );
}
