// Eucalyptus' own Euare account actions, which moto lacks, answered by the front door as Eucalyptus
// answers them: ListAccounts, CreateAccount, and CreateAccessKey for another account's admin user
// (DelegateAccount, cloud administrators only). A key made here is learned like moto's, so a
// profile saved from it passes the front door, in the new account (x-moto-account-id).

import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { type FrontDoorCredential, lastValue } from './front-door-request';

type Answer = { status: number; body: string } | undefined;

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

function xmlText(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function response(action: string, result: string): Answer {
  return {
    status: 200,
    body:
      `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function error(status: number, code: string, message: string): Answer {
  return {
    status,
    body:
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${xmlText(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

const account = (a: { name: string; id: string }) =>
  `<AccountName>${xmlText(a.name)}</AccountName><AccountId>${a.id}</AccountId>`;

/**
 * The answerer for `queryAnswer`; `learn` adds a credential to the front door. The callers without
 * an account id of their own are the cloud administrator (account "eucalyptus", moto's default).
 */
export function euareAccounts(learn: (credential: FrontDoorCredential) => void) {
  const accounts = [{ name: 'eucalyptus', id: '123456789012' }];
  return (
    service: string,
    action: string,
    params: Array<[string, string]>,
    caller: FrontDoorCredential,
  ): Answer => {
    if (service !== 'iam') return undefined;
    const delegate = lastValue(params, 'DelegateAccount');
    const own = ['ListAccounts', 'CreateAccount'].includes(action) || delegate !== undefined;
    if (!own) return undefined;
    if (caller.accountId && caller.accountId !== accounts[0]?.id)
      return error(403, 'NotAuthorized', `${action} is for the cloud administrator only`);
    if (action === 'ListAccounts')
      return response(
        action,
        `<Accounts>${accounts.map((a) => `<member>${account(a)}</member>`).join('')}</Accounts>`,
      );
    if (action === 'CreateAccount') {
      const name = lastValue(params, 'AccountName') ?? '';
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name))
        return error(400, 'ValidationError', 'Invalid account name');
      if (accounts.some((a) => a.name === name))
        return error(409, 'EntityAlreadyExists', `Account ${name} already exists`);
      const made = { name, id: String(randomInt(100_000_000_000, 999_999_999_999)) };
      accounts.push(made);
      return response(action, `<Account>${account(made)}</Account>`);
    }
    const target = accounts.find((a) => a.name === delegate);
    if (!target) return error(404, 'NoSuchEntity', `Account ${delegate} does not exist`);
    if (action !== 'CreateAccessKey')
      return error(400, 'InvalidAction', `${action} with DelegateAccount is not emulated`);
    const key: FrontDoorCredential = {
      accessKeyId: `AKIE${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      accountId: target.id,
    };
    learn(key);
    const userName = lastValue(params, 'UserName') ?? 'admin';
    return response(
      action,
      `<AccessKey><UserName>${xmlText(userName)}</UserName><AccessKeyId>${key.accessKeyId}</AccessKeyId>` +
        `<Status>Active</Status><SecretAccessKey>${key.secretAccessKey}</SecretAccessKey>` +
        `<CreateDate>${new Date().toISOString()}</CreateDate></AccessKey>`,
    );
  };
}
