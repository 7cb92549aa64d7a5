// Reads saved EC2 responses (test/fixtures/ec2) through an operation, as ec2Call would.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPage } from '../../../../src/cloud/ec2/client';
import type { Ec2Operation } from '../../../../src/cloud/ec2/operation';

const DIR = fileURLToPath(new URL('../../../fixtures/ec2/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${DIR}${name}`, 'utf8');
}

export function readFixture<I, O>(op: Ec2Operation<I, O>, name: string): O {
  return readPage(op, fixture(name)).result;
}

export function nextTokenOf<I, O>(op: Ec2Operation<I, O>, name: string): string {
  return readPage(op, fixture(name)).nextToken;
}
