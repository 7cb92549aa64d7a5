export {
  buildQueryRequest,
  QUERY_API_VERSIONS,
  type QueryCallOptions,
  type QueryListOptions,
  queryCall,
  queryList,
  readResult,
} from './client';
export {
  members,
  type QueryListOperation,
  type QueryOperation,
  queryListOperation,
} from './operation';
