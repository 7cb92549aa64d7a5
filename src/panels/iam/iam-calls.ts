// The IAM client a panel uses: the cloud's refusals of a missing permission are reworded to say
// which permission ("Listing users needs iam:ListUsers"), and a cloud without the service says so.

import { CloudError, type CloudErrorData } from '../../cloud/errors';
import {
  type IamClient,
  type IamTask,
  iamClient,
  isAccessDenied,
  permissionFor,
  taskOf,
} from '../../cloud/iam';
import { isUnsupportedAction } from '../../cloud/unsupported';
import { asError } from '../errors';
import { type MessageKey, t } from '../i18n';
import type { CurrentProfile } from '../model-deps';

export const TASK_TEXT: Record<IamTask, MessageKey> = {
  listUsers: 'iamTaskListUsers',
  readUser: 'iamTaskReadUser',
  changeUser: 'iamTaskChangeUser',
  listGroups: 'iamTaskListGroups',
  readGroup: 'iamTaskReadGroup',
  changeGroup: 'iamTaskChangeGroup',
  listRoles: 'iamTaskListRoles',
  readRole: 'iamTaskReadRole',
  changeRole: 'iamTaskChangeRole',
  listPolicies: 'iamTaskListPolicies',
  readPolicy: 'iamTaskReadPolicy',
  changePolicy: 'iamTaskChangePolicy',
  accessKeys: 'iamTaskAccessKeys',
  password: 'iamTaskPassword',
  accounts: 'iamTaskAccounts',
  other: 'iamTaskOther',
};

/**
 * The endpoint has no IAM at all: no endpoint, a bare 404 from a path nothing serves (IAM's own
 * 404s carry a code, NoSuchEntity), or no ListUsers, the one action every IAM has.
 */
function isNoService(error: CloudErrorData, action: string): boolean {
  return (
    error.code === 'NoEndpoint' ||
    (isUnsupportedAction(error) && action === 'ListUsers') ||
    (error.status === 404 &&
      ['NotFound', 'UnexpectedResponse', 'UnexpectedHtml'].includes(error.code))
  );
}

/** The error to show for a refused action: the permission it needs, or what the cloud lacks. */
export function explain(thrown: unknown, action: string): CloudErrorData {
  const error = asError(thrown);
  if (isAccessDenied(error)) {
    return {
      ...error,
      message: t('iamNeeds', t(TASK_TEXT[taskOf(action)]), permissionFor(action)),
    };
  }
  if (isNoService(error, action)) return { ...error, code: 'NoIam', message: t('iamNoService') };
  // The code stays, so a view can keep that control disabled (isUnsupportedAction).
  if (isUnsupportedAction(error)) return { ...error, message: t('iamActionUnsupported', action) };
  return error;
}

/** iamClient whose errors went through `explain`. */
export function iamFor({ profile, signer }: CurrentProfile): IamClient {
  const client = iamClient(profile, signer);
  const explained = async <R>(action: string, run: () => Promise<R>): Promise<R> => {
    try {
      return await run();
    } catch (e) {
      throw new CloudError(explain(e, action));
    }
  };
  return {
    call: (op, input) => explained(op.action, () => client.call(op, input)),
    list: (op, input) => explained(op.action, () => client.list(op, input)),
  };
}
