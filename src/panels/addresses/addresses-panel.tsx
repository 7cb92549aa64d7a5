import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function AddressesPanel() {
  return (
    <EmptyState
      title={t('addressesEmptyTitle')}
      body={t('addressesEmptyBody')}
      hint={t('emptyNeedsProfile')}
    />
  );
}
