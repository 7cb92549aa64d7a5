import type { Instance } from './operations/instances';

/** `ssh -i KEY.pem USER@HOST`, by public DNS name, else public IP, else private IP. */
export function sshCommand(instance: Instance, user = 'ec2-user'): string | null {
  const host = instance.dnsName || instance.ipAddress || instance.privateIpAddress;
  if (!host) return null;
  const key = instance.keyName ? `-i ${instance.keyName}.pem ` : '';
  return `ssh ${key}${user}@${host}`;
}
