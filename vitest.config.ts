import { defineConfig } from 'vitest/config';

// Three projects: unit (pure, fast), integration (real servers on loopback),
// e2e (the built extension in Debian's Chromium and Firefox ESR).
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts'],
          // Lets models that reach the webextension polyfill be imported in Node.
          setupFiles: ['test/support/fake-browser.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 0 },
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // After unit and integration (group 0), two files at a time: each file starts its own
          // moto, front door and browser with its own profile directory, so files share nothing,
          // and a browser file spends most of its time waiting on a page or a server.
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
        },
      },
    ],
  },
});
