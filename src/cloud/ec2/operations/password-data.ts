// GetPasswordData: a Windows instance's administrator password, encrypted with the public key of
// the key pair it was launched with (RSA PKCS#1 v1.5), base64-encoded. Decrypting it is
// windows-password.ts's job, in the page.

import type { XmlValue } from '../../xml';
import { str } from '../fields';
import type { Ec2Operation } from '../operation';
import { flattenQuery } from '../query';

export interface PasswordData {
  instanceId: string;
  timestamp: string;
  /** Base64 as sent, line breaks included; '' (or only whitespace) until Windows has made one. */
  passwordData: string;
}

export function readPasswordData(doc: XmlValue): PasswordData {
  return {
    instanceId: str(doc, 'instanceId'),
    timestamp: str(doc, 'timestamp'),
    passwordData: str(doc, 'passwordData'),
  };
}

/** True once the instance has published its encrypted password (about 4 minutes after launch). */
export function passwordReady(data: PasswordData): boolean {
  return data.passwordData.trim() !== '';
}

export const getPasswordData: Ec2Operation<{ instanceId: string }, PasswordData> = {
  action: 'GetPasswordData',
  readOnly: true,
  params: (input) => flattenQuery({ InstanceId: input.instanceId }),
  read: readPasswordData,
};
