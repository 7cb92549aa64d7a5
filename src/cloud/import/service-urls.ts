// The URLs of a cloud's other services (CloudWatch, Euare, Tokens) in an rc file, as profile
// paths. A profile reaches them on the EC2 host, scheme and port, so a URL elsewhere is reported
// and left out (the default path stays).

import { parseHttpUrl, type ValueRef } from './endpoints';
import type { RcReader } from './rc-reader';

export type ServicePathField = 'cloudwatchPath' | 'euarePath' | 'tokensPath';

export function serviceUrlPaths(
  reader: RcReader,
  ec2: ValueRef,
  vars: Readonly<Record<ServicePathField, readonly string[]>>,
): Partial<Record<ServicePathField, string>> {
  const compute = parseHttpUrl(ec2.value);
  const paths: Partial<Record<ServicePathField, string>> = {};
  if (!compute) return paths;
  for (const [field, names] of Object.entries(vars) as Array<[ServicePathField, string[]]>) {
    const ref = reader.pick([...names], (v) => !/\s/.test(v));
    if (!ref) continue;
    const url = parseHttpUrl(ref.value);
    if (!url) {
      reader.log.add(ref.line, ref.text, 'bad-url', ref.key);
      continue;
    }
    // A DNS-style URL (http://euare.cloud:8773/) names the service by host; Eucalyptus also
    // serves every service by path on each host, so the default path reaches it.
    const path = url.path.replace(/\/+$/, '');
    if (path === '') continue;
    const mismatch =
      url.https !== compute.https
        ? 'scheme'
        : url.host !== compute.host
          ? 'host'
          : url.port !== compute.port
            ? 'port'
            : undefined;
    if (mismatch) {
      reader.log.add(ref.line, ref.text, 'service-url-mismatch', mismatch);
      continue;
    }
    paths[field] = path;
  }
  return paths;
}
