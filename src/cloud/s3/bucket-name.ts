// Bucket naming rules (general purpose buckets), checked before CreateBucket so the form can say
// what is wrong: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html

export type BucketNameProblem =
  /** Shorter than 3 or longer than 63 characters. */
  | 'length'
  /** Something besides lowercase letters, digits, dots and hyphens (uppercase included). */
  | 'characters'
  /** Does not start and end with a letter or digit. */
  | 'edge'
  /** Two dots in a row. */
  | 'adjacent-dots'
  /** A dot next to a hyphen: a DNS label must start and end with a letter or digit. */
  | 'label-edge'
  /** Formatted as an IP address (192.168.5.4). */
  | 'ip-address'
  /** Starts with a prefix S3 reserves (xn--, sthree-, amzn-s3-demo-). */
  | 'reserved-prefix'
  /** Ends with a suffix S3 reserves (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3). */
  | 'reserved-suffix';

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why `name` cannot be a bucket name, or undefined when it can. */
export function validateBucketName(name: string): BucketNameProblem | undefined {
  if (name.length < 3 || name.length > 63) return 'length';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'characters';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'edge';
  if (name.includes('..')) return 'adjacent-dots';
  if (name.includes('.-') || name.includes('-.')) return 'label-edge';
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) return 'ip-address';
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix))) return 'reserved-prefix';
  if (RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix))) return 'reserved-suffix';
  return undefined;
}

/**
 * Whether the bucket can be the first label of a host name (virtual-hosted style). With https a
 * dot would make a host the *.s3 wildcard certificate does not cover, so dots count against it.
 */
export function isVirtualHostable(name: string, https: boolean): boolean {
  if (validateBucketName(name) !== undefined) return false;
  return !(https && name.includes('.'));
}
