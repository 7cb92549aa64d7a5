// STS's refusals in plain words. STS answers AccessDenied for a wrong MFA code, an untrusted
// caller and a wrong external id alike; the message text tells them apart where it can.

import { CloudError, type CloudErrorData } from '../errors';
import { roleNameOf } from './role-checks';

export interface StsAsk {
  action: 'GetSessionToken' | 'AssumeRole';
  roleArn?: string;
  externalId?: string;
}

const MFA_FAILED = /MultiFactorAuthentication|MFA (one time pass )?code|one time pass code/i;

/** A refusal from STS (or the network) as the CloudError a page shows; others pass unchanged. */
export function stsRefusal(error: CloudErrorData, ask: StsAsk): CloudError {
  const role = ask.roleArn ? roleNameOf(ask.roleArn) : '';
  const plain = (code: string, message: string) =>
    new CloudError({ ...withoutMessage(error), code, message });
  if (error.code === 'AccessDenied' && MFA_FAILED.test(error.message)) {
    return plain(
      'MfaCodeInvalid',
      'The MFA code was not accepted: type the code your device shows now (and check the MFA device serial in the profile).',
    );
  }
  if (error.code === 'ExpiredToken') {
    return plain(
      'MfaTokenExpired',
      "The profile's session token has expired: save fresh keys in the profile, or start a new MFA session.",
    );
  }
  if (ask.action === 'AssumeRole' && error.code === 'AccessDenied') {
    const why = ask.externalId
      ? "check the role's trust policy and its external id"
      : "check the role's trust policy";
    return plain('RoleNotAllowed', `You are not allowed to assume ${role}: ${why}.`);
  }
  if (ask.action === 'AssumeRole' && /DurationSeconds exceeds/i.test(error.message)) {
    return plain(
      'RoleDurationTooLong',
      `A session of ${role} cannot last that long: choose a shorter duration (the role's maximum is set in IAM).`,
    );
  }
  if (error.code === 'AccessDenied') {
    return plain('MfaSessionRefused', `STS refused the MFA session: ${error.message}`);
  }
  return new CloudError(error);
}

function withoutMessage(error: CloudErrorData): Omit<CloudErrorData, 'code' | 'message'> {
  const rest: Omit<CloudErrorData, 'code' | 'message'> = {};
  if (error.requestId !== undefined) rest.requestId = error.requestId;
  if (error.status !== undefined) rest.status = error.status;
  return rest;
}
