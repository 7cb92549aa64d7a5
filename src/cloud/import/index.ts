// Import of credential files users already have (eucarc, ~/.aws, .s3cfg, .boto) as profile drafts.

export { type AwsFiles, parseAwsFiles } from './aws-ini';
export { parseBoto } from './boto';
export {
  detectFormat,
  formatFromFileName,
  type ImportFile,
  importFiles,
  importText,
} from './detect';
export { parseEucarc } from './eucarc';
export { parseNovarc } from './novarc';
export { MASK } from './problems';
export { parseS3cfg } from './s3cfg';
export type {
  ImportedProfile,
  ImportFormat,
  ImportProblem,
  ImportProblemCode,
  ImportResult,
  ProfileDraft,
} from './types';
