import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../support/firefox';
import {
  ping,
  switchesTabsByKeyboard,
  switchesTabsByMouse,
  TAB_NAMES_EN,
  tabNames,
  waitFor,
} from './shell-scenarios';

describe('Firefox ESR: the built extension', () => {
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchFirefox();
    page = await session.open('panel.html');
  });
  afterAll(async () => {
    await session?.close();
  });

  test('panel.html shows the nine tabs', async () => {
    expect(await tabNames(page)).toEqual(TAB_NAMES_EN);
  });

  test('tabs switch by mouse', async () => {
    await switchesTabsByMouse(page);
  });

  test('tabs switch by keyboard', async () => {
    await switchesTabsByKeyboard(page);
  });

  test('the last tab is remembered across a reload', async () => {
    await page.click('#tab-volumes');
    await waitFor(
      page,
      () => document.querySelector('#tab-volumes')?.getAttribute('aria-selected') === 'true',
      'volumes',
    );
    await page.evaluate(() => location.reload());
    await waitFor(
      page,
      () => document.querySelector('[role="tab"][aria-selected="true"]')?.id === 'tab-volumes',
      'volumes after reload',
    );
  });

  test('a message round-trips, and still does after the background is terminated', async () => {
    const first = await ping(page, 'hello');
    expect(first.ok).toBe(true);
    expect(first.value?.echo).toBe('hello');

    await session.stopBackground();
    const second = await ping(page, 'again');
    expect(second.ok).toBe(true);
    expect(second.value?.echo).toBe('again');
    expect(second.value?.worker).not.toBe(first.value?.worker);
    // Greater, not +1: a ping from an earlier page load may land in between; a reset would give 1.
    expect(second.value?.calls).toBeGreaterThan(first.value?.calls ?? 0);
  });
});
