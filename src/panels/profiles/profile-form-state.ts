import {
  AWS_EC2_API_VERSION,
  EUCALYPTUS_DEFAULTS,
  type Profile,
  type ProfileKind,
  type SignatureVersion,
} from '../../cloud/profile';
import { type RoleRow, rolesFormFrom, rolesFromForm } from './roles-form-state';

/** What the form holds: every field as typed (the port too), so an error never loses input. */
export interface ProfileForm {
  id: string;
  kind: ProfileKind;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string;
  host: string;
  port: string;
  https: boolean;
  ec2Path: string;
  s3Path: string;
  s3Host: string;
  signatureVersion: '2' | '4';
  apiVersion: string;
  endpoint: string;
  pathStyle: boolean;
  mfaSerial: string;
  roles: RoleRow[];
  cloudwatchPath: string;
  euarePath: string;
  tokensPath: string;
  /** Eucalyptus: keys kept in the keychain, or a password typed at each sign-in. */
  signIn: 'keys' | 'password';
  account: string;
  user: string;
}

export function emptyForm(kind: ProfileKind): ProfileForm {
  return {
    id: '',
    kind,
    name: '',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    region: kind === 'eucalyptus' ? EUCALYPTUS_DEFAULTS.region : 'us-east-1',
    host: '',
    port: String(EUCALYPTUS_DEFAULTS.port),
    https: EUCALYPTUS_DEFAULTS.https,
    ec2Path: EUCALYPTUS_DEFAULTS.ec2Path,
    s3Path: EUCALYPTUS_DEFAULTS.s3Path,
    s3Host: '',
    signatureVersion: '4',
    apiVersion: kind === 'eucalyptus' ? EUCALYPTUS_DEFAULTS.apiVersion : AWS_EC2_API_VERSION,
    endpoint: '',
    pathStyle: true,
    mfaSerial: '',
    roles: [],
    cloudwatchPath: EUCALYPTUS_DEFAULTS.cloudwatchPath,
    euarePath: EUCALYPTUS_DEFAULTS.euarePath,
    tokensPath: EUCALYPTUS_DEFAULTS.tokensPath,
    signIn: 'keys',
    account: '',
    user: '',
  };
}

/** The form for an existing profile; the secret stays empty (blank keeps the stored one). */
export function formFromProfile(profile: Profile): ProfileForm {
  const form = {
    ...emptyForm(profile.kind),
    id: profile.id,
    name: profile.name,
    accessKeyId: profile.accessKeyId,
    ...rolesFormFrom(profile),
  };
  form.region = profile.region;
  if (profile.kind === 'eucalyptus') {
    return {
      ...form,
      host: profile.host,
      port: String(profile.port),
      https: profile.https,
      ec2Path: profile.ec2Path,
      s3Path: profile.s3Path,
      s3Host: profile.s3Host,
      signatureVersion: String(profile.signatureVersion) as '2' | '4',
      apiVersion: profile.apiVersion,
      cloudwatchPath: profile.cloudwatchPath ?? EUCALYPTUS_DEFAULTS.cloudwatchPath,
      euarePath: profile.euarePath ?? EUCALYPTUS_DEFAULTS.euarePath,
      tokensPath: profile.tokensPath ?? EUCALYPTUS_DEFAULTS.tokensPath,
      signIn: profile.signIn === 'password' ? 'password' : 'keys',
      account: profile.account ?? '',
      user: profile.user ?? '',
    };
  }
  if (profile.kind === 's3') {
    return {
      ...form,
      endpoint: profile.endpoint,
      pathStyle: profile.pathStyle,
      signatureVersion: String(profile.signatureVersion) as '2' | '4',
    };
  }
  return form;
}

/** An S3 endpoint typed without a scheme gets https:// (HTTP only when the user writes it). */
function withScheme(endpoint: string): string {
  const trimmed = endpoint.trim();
  return trimmed === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)
    ? trimmed
    : `https://${trimmed}`;
}

/** The other services' paths; one left empty or at its default is not written (absent means default). */
function servicePaths(form: ProfileForm) {
  const paths: { cloudwatchPath?: string; euarePath?: string; tokensPath?: string } = {};
  for (const field of ['cloudwatchPath', 'euarePath', 'tokensPath'] as const) {
    const path = form[field].trim();
    if (path !== '' && path !== EUCALYPTUS_DEFAULTS[field]) paths[field] = path;
  }
  return paths;
}

export function profileFromForm(form: ProfileForm): Profile {
  const base = {
    id: form.id,
    name: form.name.trim(),
    accessKeyId: form.accessKeyId.trim(),
    region: form.region.trim(),
  };
  const signatureVersion = Number(form.signatureVersion) as SignatureVersion;
  switch (form.kind) {
    case 'aws':
      return { ...base, kind: 'aws', ...rolesFromForm(form) };
    case 'eucalyptus': {
      const password = form.signIn === 'password';
      return {
        ...base,
        // A password profile keeps no access key: its keys come from each sign-in.
        accessKeyId: password ? '' : base.accessKeyId,
        kind: 'eucalyptus',
        host: form.host.trim(),
        // A port that is not a whole number becomes NaN, which validation reports next to the field.
        port: /^\d+$/.test(form.port.trim()) ? Number(form.port.trim()) : Number.NaN,
        https: form.https,
        ec2Path: form.ec2Path.trim(),
        s3Path: form.s3Path.trim(),
        s3Host: form.s3Host.trim(),
        signatureVersion,
        apiVersion: form.apiVersion.trim(),
        ...rolesFromForm(form),
        ...servicePaths(form),
        ...(password
          ? { signIn: 'password' as const, account: form.account.trim(), user: form.user.trim() }
          : {}),
      };
    }
    case 's3':
      return {
        ...base,
        kind: 's3',
        endpoint: withScheme(form.endpoint),
        pathStyle: form.pathStyle,
        signatureVersion,
      };
  }
}
