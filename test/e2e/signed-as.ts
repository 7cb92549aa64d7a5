// What the front door saw: every EC2 request from `from` on signed as the browser's profile says.
import { expect } from 'vitest';
import type { FrontDoor } from '../support/front-door';

export function expectEc2SignedWith(frontDoor: FrontDoor, from: number, sigVersion: 2 | 4) {
  const ec2 = frontDoor.requests
    .slice(from)
    .filter((r) => r.service === 'ec2' && r.action !== undefined);
  expect(ec2.length).toBeGreaterThan(10);
  expect(ec2.filter((r) => r.sigVersion !== sigVersion)).toEqual([]);
  expect(ec2.filter((r) => !r.ok)).toEqual([]);
}
