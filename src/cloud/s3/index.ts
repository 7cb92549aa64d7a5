// The S3 client: functions taking (profile, signer, ...) and returning typed objects; failures
// are CloudErrors. Pure TypeScript (fetch, Web Crypto, TextEncoder, ReadableStream).

export { getObjectAcl, type ObjectAcl, parseAcl, putObjectAcl } from './acl';
export { isVirtualHosted, s3Url } from './address';
// Bucket settings (the Settings view's sections).
export {
  type BucketEncryption,
  deleteBucketEncryption,
  getBucketEncryption,
  putBucketEncryption,
  type SseAlgorithm,
} from './bucket-encryption';
export { type BucketLogging, getBucketLogging, putBucketLogging } from './bucket-logging';
export { type BucketNameProblem, isVirtualHostable, validateBucketName } from './bucket-name';
export {
  deleteBucketPolicy,
  getBucketPolicy,
  getBucketPolicyStatus,
  putBucketPolicy,
} from './bucket-policy';
export { type BucketTag, getBucketTags, putBucketTags } from './bucket-tagging';
export {
  type BucketWebsite,
  deleteBucketWebsite,
  getBucketWebsite,
  parseRoutingRules,
  putBucketWebsite,
  type RoutingRule,
  websiteEndpoint,
} from './bucket-website';
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
export {
  buildCors,
  CORS_METHODS,
  type CorsMethod,
  type CorsProblem,
  type CorsProblemCode,
  type CorsRule,
  corsProblems,
  corsRuleProblems,
  deleteCors,
  getCors,
  isValidOrigin,
  MAX_CORS_RULES,
  parseCors,
  putCors,
} from './cors';
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
export {
  compileKeyPattern,
  globSource,
  isGlob,
  type KeyMatcher,
  type KeyPatternOptions,
  lastSegment,
} from './key-pattern';
export { decodeXmlText, encodeKey, unaddressableKeyReason } from './keys';
export {
  buildLifecycle,
  deleteLifecycle,
  getLifecycle,
  type LifecycleConfiguration,
  type LifecycleProblem,
  type LifecycleProblemCode,
  type LifecycleRule,
  type LifecycleTag,
  type LifecycleTransition,
  lifecycleProblems,
  MAX_RULE_ID,
  parseLifecycle,
  putLifecycle,
  ruleProblems,
  TRANSITION_CLASSES,
  type TransitionClass,
} from './lifecycle';
export {
  type ListObjectsOptions,
  type ListObjectsResult,
  listObjects,
} from './list-objects';
export { FOLDER_MARKER, type ListPage, parseListPage } from './list-page';
export {
  type ListVersionsOptions,
  type ListVersionsResult,
  listObjectVersions,
  type ObjectVersion,
  parseVersionsPage,
  type VersionsPage,
} from './list-versions';
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
  isEmptyFilter,
  matchesFilter,
  type ObjectFilter,
  parseSize,
  parseWhen,
} from './object-filter';
export {
  createFolder,
  deleteObject,
  type GetObjectOptions,
  type GetObjectResult,
  getObject,
  headObject,
  putObject,
  type VersionOption,
} from './objects';
export {
  deleteObjectOwnership,
  getObjectOwnership,
  type ObjectOwnership,
  putObjectOwnership,
} from './ownership-controls';
export {
  copyRange,
  type PartPlan,
  type PartRange,
  type PlanOptions,
  planCopyParts,
  planParts,
} from './parts';
export { type PresignedPut, type PresignOptions, presignedGet, presignedPut } from './presign';
export {
  deletePublicAccessBlock,
  getPublicAccessBlock,
  type PublicAccessBlock,
  putPublicAccessBlock,
} from './public-access-block';
export {
  type SearchObjectsOptions,
  type SearchObjectsResult,
  searchObjects,
} from './search-objects';
export type {
  BucketSummary,
  CannedAcl,
  ObjectHead,
  ObjectSummary,
  WriteOptions,
} from './types';
export {
  type BucketVersioning,
  getBucketVersioning,
  parseBucketVersioning,
  putBucketVersioning,
  type VersioningStatus,
  versioningBody,
} from './versioning';
