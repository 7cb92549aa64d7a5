// The services a profile can be signed for. Their own file, so request.ts and endpoints.ts can
// both name them without importing each other.

/** EC2 and S3: the two services every cloud profile has (Test connection probes these). */
export type CoreService = 'ec2' | 's3';
/** AWS Query-protocol services beside EC2: CloudWatch, IAM / Euare, STS / Tokens. */
export type QueryService = 'monitoring' | 'iam' | 'sts';
export type Service = CoreService | QueryService;

export function isQueryService(service: Service): service is QueryService {
  return service === 'monitoring' || service === 'iam' || service === 'sts';
}

const SERVICES: readonly string[] = ['ec2', 's3', 'monitoring', 'iam', 'sts'];

/** A message's service name is data: it ends up in a host name, so only these are signed for. */
export function isService(name: unknown): name is Service {
  return typeof name === 'string' && SERVICES.includes(name);
}
