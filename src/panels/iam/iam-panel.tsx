// The IAM / Euare tab: Users, Groups, Roles, Policies, and Accounts on Eucalyptus. Each view makes
// its own model when shown, so only the list on screen is read from the cloud.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { browserDeps } from '../browser-deps';
import { EmptyState } from '../components/empty-state';
import { type MessageKey, t } from '../i18n';
import { AccountsView } from './accounts-view';
import { GroupsView } from './groups-view';
import { PoliciesView } from './policies-view';
import { RolesView } from './roles-view';
import { UsersView } from './users-view';
import './iam.css';

type IamView = 'users' | 'groups' | 'roles' | 'policies' | 'accounts';

const VIEWS: Array<[IamView, MessageKey]> = [
  ['users', 'iamUsers'],
  ['groups', 'iamGroups'],
  ['roles', 'iamRoles'],
  ['policies', 'iamPolicies'],
  ['accounts', 'iamAccounts'],
];

export default function IamPanel() {
  // Only the current profile is followed here; each view has its own model for its list.
  const watch = useMemo(() => browserDeps.profiles(() => undefined), []);
  useEffect(() => watch.dispose, [watch]);
  const [view, setView] = useState<IamView>('users');
  const current = watch.current.value;
  if (!current) {
    return (
      <EmptyState
        title={t('iamEmptyTitle')}
        body={t('iamEmptyBody')}
        hint={t('emptyNeedsProfile')}
      />
    );
  }
  const kind = current.profile.kind;
  if (kind === 's3') {
    return <EmptyState title={t('iamEmptyTitle')} body={t('iamNoService')} />;
  }
  const views = VIEWS.filter(([id]) => id !== 'accounts' || kind === 'eucalyptus');
  const shown = views.some(([id]) => id === view) ? view : 'users';
  const lead = (
    <label class="switcher">
      <span>{t('iamViewLabel')}</span>
      <select
        class="iam-view"
        value={shown}
        onChange={(e) => setView(e.currentTarget.value as IamView)}
      >
        {views.map(([id, key]) => (
          <option key={id} value={id}>
            {t(key)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="resource-panel iam-panel" aria-label={t('tabIam')}>
      {shown === 'users' && <UsersView lead={lead} />}
      {shown === 'groups' && <GroupsView lead={lead} />}
      {shown === 'roles' && <RolesView lead={lead} />}
      {shown === 'policies' && <PoliciesView lead={lead} />}
      {shown === 'accounts' && <AccountsView lead={lead} />}
    </section>
  );
}
