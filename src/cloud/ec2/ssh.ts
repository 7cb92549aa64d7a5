import { isHost } from '../profile-validation';
import { shellLine } from '../shell-quote';
import type { Instance } from './operations/instances';

/**
 * The SSH command for an instance, or why there is none. The host comes from the cloud, so one
 * that is not a host name or an IP address (`-oProxyCommand=…`, `a;b`) is refused, not copied.
 */
export type SshCommand =
  | { ok: true; command: string }
  | { ok: false; reason: 'no-host' }
  | { ok: false; reason: 'invalid-host'; host: string };

/** Why there is no SSH command: shown to the user, and kept with a launch's outcome. */
export type SshRefusal = Extract<SshCommand, { ok: false }>;

/** `ssh -i KEY.pem USER@HOST`, by public DNS name, else public IP, else private IP. */
export function sshCommandFor(instance: Instance, user = 'ec2-user'): SshCommand {
  const host = instance.dnsName || instance.ipAddress || instance.privateIpAddress;
  if (!host) return { ok: false, reason: 'no-host' };
  if (!isHost(host) || host.startsWith('[')) return { ok: false, reason: 'invalid-host', host };
  // Every word quoted: a key pair name may hold any of EC2's 255 ASCII characters.
  const words = ['ssh', ...(instance.keyName ? ['-i', `${instance.keyName}.pem`] : [])];
  words.push(`${user}@${host}`);
  return { ok: true, command: shellLine(words) };
}

/** The command line, or null when there is no usable host (see sshCommandFor for why). */
export function sshCommand(instance: Instance, user = 'ec2-user'): string | null {
  const result = sshCommandFor(instance, user);
  return result.ok ? result.command : null;
}
