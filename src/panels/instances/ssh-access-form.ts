// The "Open SSH for my address" form: checked before anything is sent, and the consented address
// look-up. Pure apart from the fetch it is handed, so Node tests drive it.

import type { Instance } from '../../cloud/ec2';
import { CloudError } from '../../cloud/errors';
import { addressFromAnswer, hostCidr, MAX_ADDRESS_TEXT } from '../../cloud/ip-address';
import type { TempAccessRequest } from '../../shared/messages';
import type { MessageKey } from '../i18n';

/** Durations offered, in minutes: 15 minutes to 8 hours. */
export const SSH_ACCESS_MINUTES = [15, 30, 60, 120, 240, 480] as const;

export interface SshAccessForm {
  address: string;
  checkIpUrl: string;
  port: string;
  /** The chosen group's key (see groupChoices). */
  group: string;
  minutes: string;
}

export interface GroupChoice {
  key: string;
  label: string;
  groupId: string;
  groupName: string;
  byId: boolean;
}

export type SshAccessProblems = Partial<Record<keyof SshAccessForm, MessageKey>>;

/** The instance's groups: by id in a VPC, by name on Eucalyptus and EC2-Classic. */
export function groupChoices(instance: Instance): GroupChoice[] {
  return instance.groups.map((g) => {
    const byId = !!instance.vpcId && !!g.groupId;
    return {
      key: byId ? g.groupId : g.groupName,
      label: g.groupId && g.groupName ? `${g.groupName} (${g.groupId})` : g.groupName || g.groupId,
      groupId: g.groupId,
      groupName: g.groupName,
      byId,
    };
  });
}

/** SSH, or RDP for a Windows instance. */
export const defaultPort = (instance: Instance): string =>
  instance.platform.toLowerCase() === 'windows' ? '3389' : '22';

export function initialSshAccessForm(instance: Instance, checkIpUrl: string): SshAccessForm {
  return {
    address: '',
    checkIpUrl,
    port: defaultPort(instance),
    group: groupChoices(instance)[0]?.key ?? '',
    minutes: '60',
  };
}

export function validateSshAccess(form: SshAccessForm): SshAccessProblems {
  const problems: SshAccessProblems = {};
  if (!form.address.trim()) problems.address = 'fieldRequired';
  else if (!hostCidr(form.address)) problems.address = 'sshAccessAddressInvalid';
  const port = form.port.trim();
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
    problems.port = 'portInvalid';
  if (!form.group) problems.group = 'fieldRequired';
  if (!SSH_ACCESS_MINUTES.includes(Number(form.minutes) as (typeof SSH_ACCESS_MINUTES)[number]))
    problems.minutes = 'fieldRequired';
  return problems;
}

/** The message for a valid form. */
export function sshAccessRequest(
  form: SshAccessForm,
  instance: Instance,
  profileId: string,
  region: string,
): TempAccessRequest {
  const group = groupChoices(instance).find((g) => g.key === form.group);
  return {
    profileId,
    region,
    instanceId: instance.instanceId,
    groupId: group?.groupId ?? '',
    groupName: group?.groupName ?? '',
    byId: group?.byId ?? false,
    port: Number(form.port.trim()),
    address: form.address.trim(),
    minutes: Number(form.minutes),
  };
}

/**
 * The host permission a checkip URL needs, or why the URL is refused: HTTPS (plain HTTP only on
 * this computer), no user name or password in it.
 */
export function checkIpOrigin(text: string): { url: string; origin: string } | MessageKey {
  const value = text.trim();
  if (!value) return 'fieldRequired';
  if (!URL.canParse(value)) return 'sshAccessUrlInvalid';
  const url = new URL(value);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return 'sshAccessUrlInvalid';
  if (url.username || url.password) return 'sshAccessUrlInvalid';
  return { url: url.href, origin: `${url.protocol}//${url.hostname}/*` };
}

/**
 * Asks the checkip URL once, without cookies or redirects, and reads its answer as hostile text:
 * only an IPv4 or IPv6 address passes, and nothing of a refused answer is shown.
 */
export async function lookUpAddress(url: string, fetcher: typeof fetch = fetch): Promise<string> {
  const response = await fetcher(url, {
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'error',
    referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok)
    throw new CloudError({
      code: 'CheckIpFailed',
      message: `The address service answered HTTP ${response.status}.`,
      status: response.status,
    });
  const body = (await response.text()).slice(0, MAX_ADDRESS_TEXT * 4);
  const address = addressFromAnswer(body);
  if (!address)
    throw new CloudError({
      code: 'CheckIpNotAnAddress',
      message: 'The address service did not answer with one IPv4 or IPv6 address.',
    });
  return address;
}
