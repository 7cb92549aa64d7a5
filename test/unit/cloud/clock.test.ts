import { afterEach, describe, expect, test, vi } from 'vitest';
import { observeClock } from '../../../src/background/signer';
import { MAX_CLOCK_OFFSET_MS, nextClockOffset } from '../../../src/cloud/clock';
import { hintFor } from '../../../src/cloud/connection-test';
import { send } from '../../../src/cloud/http';
import type { Signer } from '../../../src/cloud/signer';
import { clockOffsets } from '../../../src/storage/items';

const HOUR = 60 * 60_000;
const TEN_YEARS = 10 * 365.25 * 24 * HOUR;

describe('nextClockOffset', () => {
  test('follows a server within an hour, ignores noise', () => {
    expect(nextClockOffset(0, 120_000)).toBe(120_000);
    expect(nextClockOffset(120_000, 121_000)).toBe(120_000);
    expect(nextClockOffset(0, -HOUR)).toBe(-HOUR);
    expect(nextClockOffset(5, Number.NaN)).toBe(5);
  });

  test('refuses a server more than an hour off, naming the minutes', () => {
    expect(() => nextClockOffset(0, HOUR + 1_000)).toThrow(
      expect.objectContaining({ code: 'ClockOutOfRange' }),
    );
    expect(() => nextClockOffset(0, -90 * 60_000)).toThrow(/wrong by 90 minutes.*behind/);
    expect(() => nextClockOffset(0, TEN_YEARS)).toThrow(/server's clock or this computer's/);
    expect(MAX_CLOCK_OFFSET_MS).toBe(HOUR);
  });

  test('the panel shows the clock hint (en and ja) with it', () => {
    expect(hintFor({ code: 'ClockOutOfRange', message: 'wrong by 90 minutes' })).toBe('clock-skew');
  });
});

describe('observeClock in the background', () => {
  test('a server 10 years ahead is refused and the stored offset stays', async () => {
    await clockOffsets.set({ p: 30_000 });
    const local = Date.now();
    await expect(observeClock('p', local + TEN_YEARS, local)).rejects.toMatchObject({
      code: 'ClockOutOfRange',
    });
    expect(await clockOffsets.get()).toEqual({ p: 30_000 });
    expect(await observeClock('p', local + 600_000, local)).toBe(600_000);
    expect(await clockOffsets.get()).toEqual({ p: 600_000 });
  });
});

describe('send learns the clock only from answers that may teach it', () => {
  afterEach(() => vi.unstubAllGlobals());

  function recorder() {
    const seen: number[] = [];
    const signer: Signer = {
      sign: async (request) => request,
      presign: async () => [],
      observeServerTime: async (server, local) => {
        const offset = nextClockOffset(0, server.getTime() - local.getTime());
        seen.push(offset);
        return offset;
      },
    };
    return { seen, signer };
  }
  const request = { method: 'GET', url: 'https://s3.example.com/b', headers: {} };
  const dateIn = (ms: number) => new Date(Date.now() + ms).toUTCString();

  test('not from a 403 that is not about time', async () => {
    const { seen, signer } = recorder();
    vi.stubGlobal('fetch', async () => {
      const body = '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';
      return new Response(body, { status: 403, headers: { date: dateIn(30 * 60_000) } });
    });
    await expect(send(request, signer, 's3')).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(seen).toEqual([]);
  });

  test('from a success; a success from a server years off stays a success', async () => {
    const { seen, signer } = recorder();
    vi.stubGlobal('fetch', async () => new Response('', { headers: { date: dateIn(600_000) } }));
    await send(request, signer, 's3');
    expect(Math.abs((seen[0] ?? 0) - 600_000)).toBeLessThan(2_000);
    vi.stubGlobal('fetch', async () => new Response('', { headers: { date: dateIn(TEN_YEARS) } }));
    await expect(send(request, signer, 's3')).resolves.toBeTruthy();
  });

  test('a skew error from a server 10 years ahead becomes ClockOutOfRange', async () => {
    const { signer } = recorder();
    vi.stubGlobal('fetch', async () => {
      const body =
        '<Response><Errors><Error><Code>AuthFailure</Code><Message>Message has expired (times in UTC)</Message></Error></Errors></Response>';
      return new Response(body, { status: 400, headers: { date: dateIn(TEN_YEARS) } });
    });
    await expect(send(request, signer, 'ec2')).rejects.toMatchObject({ code: 'ClockOutOfRange' });
  });
});
