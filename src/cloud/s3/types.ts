// The shapes the S3 client hands out. Sizes are numbers: an object is at most 5 TiB, far below
// 2^53, and the UI sorts by them. Times stay as the server wrote them (ISO 8601 or HTTP dates).

export interface BucketSummary {
  name: string;
  creationDate: string;
  /** Only when the listing says (AWS since 2024); otherwise ask bucketRegion. */
  region?: string;
}

export interface ObjectSummary {
  key: string;
  size: number;
  lastModified: string;
  /** STANDARD when the server does not say. */
  storageClass: string;
  /** Without quotes. */
  etag: string;
}

export interface ObjectHead {
  contentLength: number;
  contentType: string;
  /** Without quotes. */
  etag: string;
  lastModified: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  storageClass?: string;
  versionId?: string;
  /** x-amz-meta-* headers, names without the prefix, lower-case. */
  metadata: Record<string, string>;
}

export type CannedAcl =
  | 'private'
  | 'public-read'
  | 'public-read-write'
  | 'authenticated-read'
  | 'bucket-owner-read'
  | 'bucket-owner-full-control';

export interface WriteOptions {
  contentType?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  /** User metadata, sent as x-amz-meta-NAME (ASCII only: HTTP headers carry no other text). */
  metadata?: Record<string, string>;
  acl?: CannedAcl;
  /** x-amz-storage-class; a copy without it lands in STANDARD. */
  storageClass?: string;
  /** CreateMultipartUpload: the parts will carry CRC-32 checksums (x-amz-checksum-algorithm). */
  checksumAlgorithm?: 'CRC32';
}
