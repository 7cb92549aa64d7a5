// GetConsoleOutput: the console log, sent base64-encoded.

import type { XmlValue } from '../../xml';
import { decodeBase64Utf8 } from '../base64';
import { str } from '../fields';
import type { Ec2Operation } from '../operation';
import { flattenQuery } from '../query';

export interface ConsoleOutput {
  instanceId: string;
  timestamp: string;
  /** The log as UTF-8 text ('' when there is none yet). */
  output: string;
  /** As sent (base64). */
  raw: string;
}

export function readConsoleOutput(doc: XmlValue): ConsoleOutput {
  const raw = str(doc, 'output');
  return {
    instanceId: str(doc, 'instanceId'),
    timestamp: str(doc, 'timestamp'),
    // A server that sends plain text instead of base64 still gets its text shown.
    output: decodeBase64Utf8(raw) ?? raw,
    raw,
  };
}

export const getConsoleOutput: Ec2Operation<{ instanceId: string }, ConsoleOutput> = {
  action: 'GetConsoleOutput',
  readOnly: true,
  params: (input) => flattenQuery({ InstanceId: input.instanceId }),
  read: readConsoleOutput,
};
