// browser.alarms and browser.notifications for Node tests of the background: alarms are only
// recorded (a test fires one by calling the handler), notifications are collected.

type FakeBrowser = { alarms?: unknown; notifications?: unknown };

export interface FakeAlarms {
  /** Alarm name → when it is due (epoch ms). */
  alarms: Map<string, number>;
  notifications: Array<{ id: string; title: string; message: string }>;
  uninstall(): void;
}

export function installFakeAlarms(): FakeAlarms {
  const fake = (globalThis as unknown as { browser: FakeBrowser }).browser;
  const state: FakeAlarms = {
    alarms: new Map(),
    notifications: [],
    uninstall() {
      delete fake.alarms;
      delete fake.notifications;
    },
  };
  fake.alarms = {
    async create(name: string, info: { when?: number; delayInMinutes?: number }) {
      state.alarms.set(name, info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000);
    },
    async clear(name: string) {
      return state.alarms.delete(name);
    },
    async get(name: string) {
      const when = state.alarms.get(name);
      return when === undefined ? undefined : { name, scheduledTime: when };
    },
  };
  fake.notifications = {
    async create(id: string, options: { title: string; message: string }) {
      state.notifications.push({ id, title: options.title, message: options.message });
      return id;
    },
    async clear(id: string) {
      return state.notifications.some((n) => n.id === id);
    },
  };
  return state;
}
