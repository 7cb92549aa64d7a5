import browser from '../shared/browser';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** Every user-visible string goes through here, from public/_locales. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  // A missing key shows as itself rather than an empty label; a unit test keeps locales complete.
  return browser.i18n.getMessage(key, substitutions) || key;
}
