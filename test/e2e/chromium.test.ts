import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumExtensionId } from '../../scripts/extension-id.mjs';
import { CHROME_DIST, type ChromiumSession, launchChromium } from '../support/chromium';
import {
  ping,
  switchesTabsByKeyboard,
  switchesTabsByMouse,
  TAB_NAMES_EN,
  tabNames,
  waitFor,
} from './shell-scenarios';

describe('Chromium: the built extension', () => {
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchChromium();
    page = await session.context.newPage();
    await page.goto(`${session.baseUrl}panel.html`);
  });
  afterAll(async () => {
    await session?.close();
  });

  test('panel.html shows the nine tabs', async () => {
    expect(await tabNames(page)).toEqual(TAB_NAMES_EN);
    expect(await page.title()).toBe('Cirrus');
  });

  test('the extension id is the one npm start opens', () => {
    expect(session.extensionId).toBe(chromiumExtensionId(CHROME_DIST));
  });

  test('tabs switch by mouse', async () => {
    await switchesTabsByMouse(page);
  });

  test('tabs switch by keyboard', async () => {
    await switchesTabsByKeyboard(page);
  });

  test('the last tab is remembered across a reload', async () => {
    await page.click('#tab-zones');
    await waitFor(
      page,
      () => document.querySelector('#tab-zones')?.getAttribute('aria-selected') === 'true',
      'zones',
    );
    await page.reload();
    await waitFor(
      page,
      () => document.querySelector('[role="tab"][aria-selected="true"]')?.id === 'tab-zones',
      'zones after reload',
    );
  });

  test('a message round-trips, and still does after the service worker is stopped', async () => {
    const first = await ping(page, 'hello');
    expect(first.ok).toBe(true);
    expect(first.value?.echo).toBe('hello');

    await session.stopWorker(page);
    const second = await ping(page, 'again');
    expect(second.ok).toBe(true);
    expect(second.value?.echo).toBe('again');
    // A new worker answered, and the counter it keeps in storage.session survived the stop.
    expect(second.value?.worker).not.toBe(first.value?.worker);
    // Greater, not +1: a ping from an earlier page load may land in between; a reset would give 1.
    expect(second.value?.calls).toBeGreaterThan(first.value?.calls ?? 0);
  });

  test('popup.html opens the compact view; "Open in tab" opens the panel, then focuses it', async () => {
    const panelUrl = `${session.baseUrl}panel.html`;
    const panelPages = () => session.context.pages().filter((p) => p.url() === panelUrl);
    for (const open of panelPages()) await open.close();

    const popup = await session.context.newPage();
    await popup.goto(`${session.baseUrl}popup.html`);
    expect(await tabNames(popup)).toEqual(TAB_NAMES_EN);
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url() === panelUrl });
    await popup.getByRole('button', { name: 'Open in tab' }).click();
    await opened;
    expect(panelPages()).toHaveLength(1);

    // A second "Open in tab" brings the same tab forward instead of opening another.
    const again = await session.context.newPage();
    await again.goto(`${session.baseUrl}popup.html`);
    await tabNames(again);
    await again.getByRole('button', { name: 'Open in tab' }).click();
    await expect.poll(() => again.isClosed()).toBe(true);
    expect(panelPages()).toHaveLength(1);
  });
});

describe('Chromium in Japanese', () => {
  test('the tabs speak Japanese', async () => {
    const session = await launchChromium({ locale: 'ja' });
    try {
      const page = await session.context.newPage();
      await page.goto(`${session.baseUrl}panel.html`);
      const names = await tabNames(page);
      expect(names[0]).toBe('インスタンス');
      expect(names[8]).toBe('プロファイル');
    } finally {
      await session.close();
    }
  });
});
