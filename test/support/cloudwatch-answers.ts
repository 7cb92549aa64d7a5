// Eucalyptus-shaped CloudWatch answers for the front door's queryAnswer. Eucalyptus has no SNS, so
// its CloudWatch cannot notify a topic: an alarm with an SNS action is refused, and nothing else.

export function refuseSnsActions(
  service: string,
  action: string,
  params: Array<[string, string]>,
): { status: number; body: string } | undefined {
  if (service !== 'monitoring' || action !== 'PutMetricAlarm') return undefined;
  const sns = params.find(
    ([key, value]) => /Actions\.member\.\d+$/.test(key) && value.includes(':sns:'),
  );
  if (!sns) return undefined;
  const message = `Invalid action ARN ${sns[1]}: SNS is not available on this cloud`
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
  return {
    status: 400,
    body: `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>${message}</Message></Error><RequestId>d1b2c3d4-0000-4000-8000-000000000001</RequestId></ErrorResponse>`,
  };
}
