// The shell scenarios every browser must pass; each browser's test file supplies the page.
import { expect } from 'vitest';
import { poll } from '../support/browser-adapter';

/** What both Playwright's and Puppeteer's pages offer, used by the shared scenarios. */
export interface DrivenPage {
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  click(selector: string): Promise<unknown>;
  focus(selector: string): Promise<unknown>;
  keyboard: { press(key: string): Promise<unknown> };
}

export const TAB_NAMES_EN = [
  'Overview',
  'Instances',
  'Images',
  'Key Pairs',
  'Security Groups',
  'Elastic IPs',
  'Volumes',
  'Zones',
  'Alarms',
  'S3',
  'IAM',
  'Profiles',
];

export function waitFor<T>(
  page: DrivenPage,
  probe: () => T | Promise<T>,
  what: string,
  timeout = 20_000,
): Promise<NonNullable<T>> {
  return poll(() => page.evaluate(probe), what, timeout);
}

export function tabNames(page: DrivenPage): Promise<string[]> {
  return waitFor(
    page,
    () => {
      const tabs = [...document.querySelectorAll('[role="tab"]')].map((el) => el.textContent ?? '');
      return tabs.length ? tabs : null;
    },
    'the tab bar',
  );
}

/** The selected tab's id and the heading its panel shows, once the panel has rendered. */
export function selectedTab(
  page: DrivenPage,
): Promise<{ id: string; focused: boolean; heading: string }> {
  return waitFor(
    page,
    () => {
      const tab = document.querySelector('[role="tab"][aria-selected="true"]');
      const panel = document.querySelector('[role="tabpanel"]');
      const heading = panel?.querySelector('h2')?.textContent;
      if (!tab || !heading || panel?.getAttribute('aria-labelledby') !== tab.id) return null;
      return { id: tab.id, focused: document.activeElement === tab, heading };
    },
    'the selected tab and its panel',
  );
}

async function expectSelected(page: DrivenPage, id: string, heading: string, focused?: boolean) {
  await waitFor(
    page,
    new Function(
      `return document.querySelector('[role="tab"][aria-selected="true"]')?.id === ${JSON.stringify(id)}`,
    ) as () => boolean,
    `tab ${id} to be selected`,
  );
  const selected = await selectedTab(page);
  expect(selected.id).toBe(id);
  expect(selected.heading).toBe(heading);
  if (focused !== undefined) expect(selected.focused).toBe(focused);
}

export async function switchesTabsByMouse(page: DrivenPage) {
  await tabNames(page);
  await page.click('#tab-keypairs');
  await expectSelected(page, 'tab-keypairs', 'No key pairs to show');
  await page.click('#tab-s3');
  await expectSelected(page, 'tab-s3', 'No buckets to show');
}

export async function switchesTabsByKeyboard(page: DrivenPage) {
  await page.click('#tab-instances');
  await expectSelected(page, 'tab-instances', 'No instances to show');
  await page.focus('#tab-instances');
  await page.keyboard.press('ArrowRight');
  await expectSelected(page, 'tab-images', 'No images to show', true);
  await page.keyboard.press('End');
  await expectSelected(page, 'tab-profiles', 'No profiles yet', true);
  await page.keyboard.press('ArrowRight');
  await expectSelected(page, 'tab-overview', 'Nothing to overview yet', true);
  await page.keyboard.press('ArrowLeft');
  await expectSelected(page, 'tab-profiles', 'No profiles yet', true);
  await page.keyboard.press('Home');
  await expectSelected(page, 'tab-overview', 'Nothing to overview yet', true);
  await page.keyboard.press('ArrowRight');
  await expectSelected(page, 'tab-instances', 'No instances to show', true);
}

export interface Pong {
  echo: string;
  worker: string;
  calls: number;
}

/** One message through the real runtime channel, in the protocol the pages' call() speaks. */
export function ping(page: DrivenPage, echo: string): Promise<{ ok: boolean; value?: Pong }> {
  return page.evaluate(
    new Function(
      `const api = globalThis.browser ?? globalThis.chrome;
       return api.runtime.sendMessage({ cirrus: 1, name: 'ping', args: { echo: ${JSON.stringify(echo)} } });`,
    ) as () => Promise<{ ok: boolean; value?: Pong }>,
  );
}
