// STS's two calls for MFA sessions and roles. Their answers carry secret keys: only the
// background runs them (src/background/role-sessions.ts).

import { CloudError } from '../errors';
import type { QueryOperation } from '../query';
import { path, text, type XmlValue } from '../xml';

export interface StsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601, as STS writes it. */
  expiration: string;
}

export interface GetSessionTokenInput {
  serialNumber: string;
  tokenCode: string;
  durationSeconds: number;
}

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  externalId?: string;
  /** Both or neither: the MFA device and its code, when the role's trust policy asks for MFA. */
  serialNumber?: string;
  tokenCode?: string;
  durationSeconds: number;
}

export interface AssumedRole extends StsCredentials {
  /** arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION */
  assumedRoleArn: string;
}

function readCredentials(result: XmlValue): StsCredentials {
  const field = (name: string) => text(path(result, 'Credentials', name));
  const credentials = {
    accessKeyId: field('AccessKeyId'),
    secretAccessKey: field('SecretAccessKey'),
    sessionToken: field('SessionToken'),
    expiration: field('Expiration'),
  };
  if (Object.values(credentials).some((value) => value === '')) {
    throw new CloudError({
      code: 'MalformedResponse',
      message: 'STS answered without complete credentials.',
    });
  }
  return credentials;
}

export const getSessionToken: QueryOperation<GetSessionTokenInput, StsCredentials> = {
  action: 'GetSessionToken',
  // A second call makes a second session: harmless, but the code may be spent; not retried.
  readOnly: false,
  params: (input) => [
    ['DurationSeconds', String(input.durationSeconds)],
    ['SerialNumber', input.serialNumber],
    ['TokenCode', input.tokenCode],
  ],
  read: (result) => readCredentials(result),
};

export const assumeRole: QueryOperation<AssumeRoleInput, AssumedRole> = {
  action: 'AssumeRole',
  readOnly: false,
  params: (input) => [
    ['RoleArn', input.roleArn],
    ['RoleSessionName', input.roleSessionName],
    ['DurationSeconds', String(input.durationSeconds)],
    ...(input.externalId ? ([['ExternalId', input.externalId]] as Array<[string, string]>) : []),
    ...(input.serialNumber && input.tokenCode
      ? ([
          ['SerialNumber', input.serialNumber],
          ['TokenCode', input.tokenCode],
        ] as Array<[string, string]>)
      : []),
  ],
  read: (result) => ({
    ...readCredentials(result),
    assumedRoleArn: text(path(result, 'AssumedRoleUser', 'Arn')),
  }),
};
