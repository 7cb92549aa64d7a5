// Every role colour in the header is readable: WCAG contrast of 7:1 or more between its text and
// its background, in light mode and in dark mode.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { ROLE_COLORS } from '../../../src/cloud/sts/role-checks';

const css = readFileSync(
  resolve(import.meta.dirname, '../../../src/panels/components/roles.css'),
  'utf8',
);
const darkStart = css.indexOf('@media (prefers-color-scheme: dark) {\n  .role-color-');

function pair(source: string, color: string): [string, string] {
  const block = new RegExp(`\\.role-color-${color} \\{([^}]*)\\}`).exec(source)?.[1] ?? '';
  const value = (name: string) => new RegExp(`${name}: (#[0-9a-f]{6})`).exec(block)?.[1] ?? '';
  return [value('--role-bg'), value('--role-fg')];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test.each(ROLE_COLORS)('%s reads at 7:1 or more in both modes', (color) => {
  expect(darkStart).toBeGreaterThan(0);
  for (const [bg, fg] of [
    pair(css.slice(0, darkStart), color),
    pair(css.slice(darkStart), color),
  ]) {
    expect(bg).toMatch(/^#/);
    expect(fg).toMatch(/^#/);
    expect(contrast(bg, fg)).toBeGreaterThanOrEqual(7);
  }
});
