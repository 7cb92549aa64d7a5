// The AWS CLI, pointed at the same moto the panel's cloud forwards to: what the panel did must be
// what the CLI then reports for the same account.
import { execFileSync } from 'node:child_process';

export function awsCli(motoUrl: string, args: string[]): unknown {
  const out = execFileSync('aws', ['--endpoint-url', motoUrl, '--output', 'json', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'AKIDCLICHECK00000001',
      AWS_SECRET_ACCESS_KEY: 'cli/check/secret/0000000000000000000001',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
    },
  });
  return out.trim() ? JSON.parse(out) : null;
}
