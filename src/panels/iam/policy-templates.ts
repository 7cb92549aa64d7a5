// Starting points for policies typed in the IAM tab. Pure, for tests.

/** A new identity policy: one statement to fill in. */
export function policyTemplate(): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['*'] }],
    },
    null,
    2,
  );
}

export type TrustTemplate = 'ec2' | 'account';

/** A role's trust policy: who may assume it. `accountId` only for the "another account" one. */
export function trustPolicy(template: TrustTemplate, accountId = ''): string {
  const principal =
    template === 'ec2'
      ? { Service: 'ec2.amazonaws.com' }
      : { AWS: `arn:aws:iam::${accountId.trim()}:root` };
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
    },
    null,
    2,
  );
}

/** Twelve digits, as AWS account ids are. */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text.trim());
}
