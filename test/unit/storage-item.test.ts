import { describe, expect, test } from 'vitest';
import { memoryArea } from '../../src/storage/area';
import { defineItem } from '../../src/storage/item';

interface V2 {
  name: string;
  port: number;
}

describe('defineItem', () => {
  test('returns the default when nothing is stored, and a copy of it', async () => {
    const area = memoryArea();
    const item = defineItem(
      { key: 'x', version: 1, defaultValue: { list: [] as string[] } },
      () => area,
    );
    const value = await item.get();
    value.list.push('changed');
    expect(await item.get()).toEqual({ list: [] });
  });

  test('stores the value with its schema version', async () => {
    const area = memoryArea();
    const item = defineItem({ key: 'ui.tab', version: 3, defaultValue: 'a' }, () => area);
    await item.set('b');
    expect(area.dump()).toEqual({ 'ui.tab': { v: 3, value: 'b' } });
    expect(await item.get()).toBe('b');
  });

  test('migrates old versions step by step and writes the result back', async () => {
    const area = memoryArea({ host: { v: 1, value: 'cloud.example:8773' } });
    const item = defineItem<V2>(
      {
        key: 'host',
        version: 2,
        defaultValue: { name: '', port: 8773 },
        migrations: {
          2: (old) => {
            const [name = '', port = '8773'] = String(old).split(':');
            return { name, port: Number(port) };
          },
        },
        validate: (v): v is V2 =>
          typeof (v as V2)?.name === 'string' && typeof (v as V2)?.port === 'number',
      },
      () => area,
    );
    expect(await item.get()).toEqual({ name: 'cloud.example', port: 8773 });
    expect(area.dump().host).toEqual({ v: 2, value: { name: 'cloud.example', port: 8773 } });
  });

  test('a value from a newer version or of the wrong shape falls back to the default', async () => {
    const area = memoryArea({ a: { v: 9, value: 'future' }, b: { v: 1, value: 42 }, c: 'raw' });
    const isString = (v: unknown): v is string => typeof v === 'string';
    const a = defineItem(
      { key: 'a', version: 1, defaultValue: 'd', validate: isString },
      () => area,
    );
    const b = defineItem(
      { key: 'b', version: 1, defaultValue: 'd', validate: isString },
      () => area,
    );
    const c = defineItem(
      { key: 'c', version: 1, defaultValue: 'd', validate: isString },
      () => area,
    );
    expect([await a.get(), await b.get(), await c.get()]).toEqual(['d', 'd', 'd']);
    // The newer value is not overwritten by reading it.
    expect(area.dump().a).toEqual({ v: 9, value: 'future' });
  });

  test('a missing migration step falls back to the default instead of guessing', async () => {
    const area = memoryArea({ k: { v: 1, value: 'old' } });
    const item = defineItem(
      { key: 'k', version: 3, defaultValue: 'd', migrations: { 3: () => 'x' } },
      () => area,
    );
    expect(await item.get()).toBe('d');
  });

  test('update reads, changes and writes', async () => {
    const area = memoryArea();
    const item = defineItem({ key: 'n', version: 1, defaultValue: { calls: 0 } }, () => area);
    await item.update((s) => ({ calls: s.calls + 1 }));
    expect(await item.update((s) => ({ calls: s.calls + 1 }))).toEqual({ calls: 2 });
  });
});
