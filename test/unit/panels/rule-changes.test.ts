import { expect, test } from 'vitest';
import { ruleChange } from '../../../src/cloud/ec2/rule-changes';

test('ingress by name with IPv4, IPv6 and a group; egress by id', () => {
  const ingress = ruleChange('ingress', 'authorize');
  expect(ingress.action).toBe('AuthorizeSecurityGroupIngress');
  expect(
    ingress.params({
      groupName: 'web',
      permissions: [
        {
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrIps: ['10.0.0.0/8'],
          cidrIpv6s: ['::/0'],
          groups: [{ groupName: 'admin', userId: '111' }],
        },
      ],
    }),
  ).toEqual([
    ['GroupName', 'web'],
    ['IpPermissions.1.IpProtocol', 'tcp'],
    ['IpPermissions.1.FromPort', '22'],
    ['IpPermissions.1.ToPort', '22'],
    ['IpPermissions.1.IpRanges.1.CidrIp', '10.0.0.0/8'],
    ['IpPermissions.1.Ipv6Ranges.1.CidrIpv6', '::/0'],
    ['IpPermissions.1.Groups.1.UserId', '111'],
    ['IpPermissions.1.Groups.1.GroupName', 'admin'],
  ]);
  const egress = ruleChange('egress', 'revoke');
  expect(egress.action).toBe('RevokeSecurityGroupEgress');
  expect(
    egress.params({ groupId: 'sg-1', permissions: [{ ipProtocol: '-1', cidrIps: ['0.0.0.0/0'] }] }),
  ).toEqual([
    ['GroupId', 'sg-1'],
    ['IpPermissions.1.IpProtocol', '-1'],
    ['IpPermissions.1.IpRanges.1.CidrIp', '0.0.0.0/0'],
  ]);
});
