// The S3 client: functions taking (profile, signer, ...) and returning typed objects; failures
// are CloudErrors. Pure TypeScript (fetch, Web Crypto, TextEncoder, ReadableStream).

export { getObjectAcl, type ObjectAcl, parseAcl, putObjectAcl } from './acl';
export { isVirtualHosted, s3Url } from './address';
export { type BucketNameProblem, isVirtualHostable, validateBucketName } from './bucket-name';
export {
  bucketExists,
  bucketRegion,
  type CreateBucketOptions,
  createBucket,
  deleteBucket,
  listBuckets,
  regionFromLocation,
} from './buckets';
export type { S3CallOptions } from './call';
export { type CopyObjectOptions, type CopyResult, copyObject } from './copy';
export { crc32, crc32Base64 } from './crc32';
export {
  type DeleteError,
  type DeleteObjectsOptions,
  type DeleteObjectsResult,
  deleteObjects,
} from './delete-objects';
export {
  awsCliPartSize,
  type ContentHashes,
  candidatePartSizes,
  cirrusPartSize,
  createContentHasher,
  type EtagShape,
  etagMatches,
  etagShape,
  type HashPlan,
  hashPlanFor,
  multipartEtag,
} from './etag-content';
export { IncrementalMd5 } from './incremental-md5';
export { decodeXmlText, encodeKey, unaddressableKeyReason } from './keys';
export {
  type ListObjectsOptions,
  type ListObjectsResult,
  listObjects,
} from './list-objects';
export { FOLDER_MARKER, type ListPage, parseListPage } from './list-page';
export { md5Base64, md5Hex } from './md5';
export {
  abortMultipartUpload,
  type CompletedPart,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  type MultipartUpload,
  presignUploadPart,
  presignUploadParts,
  type UploadedPart,
} from './multipart';
export {
  createFolder,
  deleteObject,
  type GetObjectOptions,
  type GetObjectResult,
  getObject,
  headObject,
  putObject,
} from './objects';
export {
  copyRange,
  type PartPlan,
  type PartRange,
  type PlanOptions,
  planCopyParts,
  planParts,
} from './parts';
export { type PresignedPut, type PresignOptions, presignedGet, presignedPut } from './presign';
export type {
  BucketSummary,
  CannedAcl,
  ObjectHead,
  ObjectSummary,
  WriteOptions,
} from './types';
