// ListMetrics: the metrics that have data, by namespace, name and dimensions, paged by NextToken
// (500 a page on AWS).

import { str } from '../ec2/fields';
import { flattenQuery } from '../ec2/query';
import { members, type QueryListOperation, queryListOperation } from '../query';
import type { XmlElement } from '../xml';
import { type MetricId, memberElements, readDimensions } from './types';

export interface ListMetricsInput {
  namespace?: string;
  metricName?: string;
  /** A dimension without a value matches every value of that name. */
  dimensions?: Array<{ name: string; value?: string }>;
}

export const listMetrics: QueryListOperation<ListMetricsInput, MetricId> = queryListOperation({
  action: 'ListMetrics',
  params: (input) =>
    flattenQuery({
      Namespace: input.namespace,
      MetricName: input.metricName,
      Dimensions: input.dimensions?.length
        ? members(input.dimensions.map((d) => ({ Name: d.name, Value: d.value })))
        : undefined,
    }),
  items: (result) => memberElements(result, 'Metrics').map(readMetric),
  next: (result) => str(result, 'NextToken'),
  nextParam: 'NextToken',
});

function readMetric(m: XmlElement): MetricId {
  return {
    namespace: str(m, 'Namespace'),
    metricName: str(m, 'MetricName'),
    dimensions: readDimensions(m),
  };
}
