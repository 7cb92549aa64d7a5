// The CloudWatch client: operation descriptions run with queryCall/queryList (src/cloud/query)
// on the service 'monitoring'.

export * from './alarm-history';
export * from './alarms';
export * from './get-metric-data';
export * from './get-metric-statistics';
export * from './has-no-cloudwatch';
export * from './list-metrics';
export * from './metric-range';
export * from './read-metrics';
export * from './types';
