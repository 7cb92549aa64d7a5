import { EmptyState } from '../components/empty-state';
import { t } from '../i18n';

export default function S3Panel() {
  return (
    <EmptyState title={t('s3EmptyTitle')} body={t('s3EmptyBody')} hint={t('emptyNeedsProfile')} />
  );
}
