// An ec2Answer for the front door that plays a Windows instance's GetPasswordData: the password
// encrypted as EC2 does (RSA PKCS#1 v1.5 with the key pair's public key, base64 wrapped with line
// breaks), nothing yet, or a cloud without the action. Other actions go on to moto.

import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../fixtures/windows-password/', import.meta.url));

/** A key (or other file) from test/fixtures/windows-password, by name. */
export function windowsPasswordFixture(name: string): string {
  return readFileSync(`${DIR}${name}`, 'utf8');
}

/** The path of a fixture file, for a file input. */
export function windowsPasswordFixturePath(name: string): string {
  return `${DIR}${name}`;
}

/** base64 of the password encrypted with the public half of `privatePem`, as EC2 would send it. */
export function encryptPassword(privatePem: string, password: string): string {
  const publicKey = createPublicKey(privatePem);
  const cipher = publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(password, 'utf8'),
  );
  // AWS wraps the base64 with line breaks; a client must not mind.
  return `\n${cipher.toString('base64').replace(/(.{76})/g, '$1\n')}\n`;
}

export type PasswordMode = 'ready' | 'not-ready' | 'unsupported';

export function windowsPasswordAnswer(keyName: string, password: string) {
  const state: { mode: PasswordMode; asked: number } = { mode: 'ready', asked: 0 };
  const data = encryptPassword(windowsPasswordFixture(keyName), password);
  const answer = (action: string, params: Array<[string, string]>) => {
    if (action !== 'GetPasswordData') return undefined;
    state.asked++;
    if (state.mode === 'unsupported') {
      return {
        status: 400,
        body: '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidAction</Code><Message>The action GetPasswordData is not valid for this web service.</Message></Error></Errors><RequestID>6e0c2f5a-0000-4000-8000-0000000badac</RequestID></Response>',
      };
    }
    // Echoed into XML: only the characters an instance id has.
    const instanceId = (params.find(([k]) => k === 'InstanceId')?.[1] ?? '').replace(/[^\w-]/g, '');
    const body = state.mode === 'ready' ? data : '';
    return {
      status: 200,
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<GetPasswordDataResponse xmlns="http://ec2.amazonaws.com/doc/2013-02-01/"><requestId>6e0c2f5a-0000-4000-8000-00000000pa55</requestId><instanceId>${instanceId}</instanceId><timestamp>2026-12-03T12:00:00.000Z</timestamp><passwordData>${body}</passwordData></GetPasswordDataResponse>`,
    };
  };
  return { state, answer };
}
