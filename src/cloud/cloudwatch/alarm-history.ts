// DescribeAlarmHistory: what happened to an alarm (configuration changes, state changes, actions),
// newest first, paged by NextToken.

import { str } from '../ec2/fields';
import { flattenQuery } from '../ec2/query';
import { type QueryListOperation, queryListOperation } from '../query';
import type { XmlElement } from '../xml';
import { memberElements } from './types';

export interface AlarmHistoryItem {
  alarmName: string;
  /** Raw timestamp; parseEc2Time() for a Date. */
  timestamp: string;
  /** ConfigurationUpdate | StateUpdate | Action */
  historyItemType: string;
  historySummary: string;
  /** JSON text from the cloud: shown as text only. */
  historyData: string;
}

export interface DescribeAlarmHistoryInput {
  alarmName?: string;
  historyItemType?: 'ConfigurationUpdate' | 'StateUpdate' | 'Action';
  /** ISO 8601 times. */
  startDate?: string;
  endDate?: string;
  maxRecords?: number;
}

function readHistoryItem(m: XmlElement): AlarmHistoryItem {
  return {
    alarmName: str(m, 'AlarmName'),
    timestamp: str(m, 'Timestamp'),
    historyItemType: str(m, 'HistoryItemType'),
    historySummary: str(m, 'HistorySummary'),
    historyData: str(m, 'HistoryData'),
  };
}

export const describeAlarmHistory: QueryListOperation<DescribeAlarmHistoryInput, AlarmHistoryItem> =
  queryListOperation({
    action: 'DescribeAlarmHistory',
    params: (input) =>
      flattenQuery({
        AlarmName: input.alarmName,
        HistoryItemType: input.historyItemType,
        StartDate: input.startDate,
        EndDate: input.endDate,
        MaxRecords: input.maxRecords,
      }),
    items: (result) => memberElements(result, 'AlarmHistoryItems').map(readHistoryItem),
    next: (result) => str(result, 'NextToken'),
    nextParam: 'NextToken',
  });
