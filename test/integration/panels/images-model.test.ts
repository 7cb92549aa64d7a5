// The images model against moto, with moto's DescribeImages answer held back halfway where a test
// needs it: the first rows show while the rest is coming, in the server's order, and a profile
// switch mid-stream drops what the old stream still delivers.

import '../../support/fake-browser';
import { afterEach, expect, test, vi } from 'vitest';
import {
  describeImages,
  ec2Call,
  ec2List,
  type Image,
  registerImage,
} from '../../../src/cloud/ec2';
import { createImagesModel, imagesRequest } from '../../../src/panels/images/images-model';
import { deferred, settle, testDeps } from '../../support/model-deps';
import { connect } from '../ec2/support';
import { loadedList, motoPerFile } from './support';

const env = motoPerFile();
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Holds the body of the next DescribeImages answer once half of it has been handed over, until
 * `release()`; `delivered` resolves when the reader has been given the last byte.
 */
function holdNextImagesAnswer() {
  const release = deferred<void>();
  const delivered = deferred<void>();
  const realFetch = globalThis.fetch;
  let armed = true;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await realFetch(input, init);
    const action = typeof init?.body === 'string' ? init.body : '';
    if (!armed || !action.includes('Action=DescribeImages') || !response.body) return response;
    armed = false;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const half = Math.floor(bytes.length / 2);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(bytes.subarray(0, half));
        await release.promise;
        controller.enqueue(bytes.subarray(half));
        controller.close();
        delivered.resolve();
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  });
  return { release: () => release.resolve(), delivered: delivered.promise };
}

function openModel() {
  const t = testDeps();
  const model = createImagesModel(t.deps);
  env.dispose(() => model.dispose());
  return { ...t, model };
}

const ids = (images: readonly Image[]) => images.map((i) => i.imageId);

test("streamed pages show as they arrive, in the server's order", async () => {
  const c = connect(env.port);
  const whole = await ec2List(describeImages, c.profile, c.signer, imagesRequest('amazon'));
  expect(whole.length).toBeGreaterThan(1000);

  const hold = holdNextImagesAnswer();
  const { model, switchTo } = openModel();
  model.view.value = 'amazon';
  switchTo(c);
  // The first half of the answer is in: its first rows are on screen, the list still loading.
  await expect.poll(() => model.list.rows.value.length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(model.list.loading.value).toBe(true);
  const partial = ids(model.list.rows.value);
  expect(partial.length).toBeLessThan(whole.length);
  expect(partial).toEqual(ids(whole.slice(0, partial.length)));

  hold.release();
  await loadedList(model.list);
  expect(ids(model.list.rows.value)).toEqual(ids(whole));
  model.search.query.value = whole[whole.length - 1]?.imageId ?? '';
  expect(ids(model.search.filtered.value)).toEqual([whole[whole.length - 1]?.imageId]);
});

test('a profile switch mid-stream drops the rest of the old stream', async () => {
  const a = connect(env.port);
  const b = connect(env.port, '', 4, 'eu-west-1');
  const mine = await ec2Call(registerImage, b.profile, b.signer, {
    name: 'only in eu-west-1',
    imageLocation: 'bucket/only.manifest.xml',
  });

  const hold = holdNextImagesAnswer();
  const { model, switchTo } = openModel();
  model.view.value = 'amazon';
  switchTo(a);
  await expect.poll(() => model.list.rows.value.length, { timeout: 20_000 }).toBeGreaterThan(0);

  model.view.value = 'mine';
  switchTo(b);
  await loadedList(model.list);
  expect(ids(model.list.rows.value)).toEqual([mine]);

  // The old stream finishes now; nothing of it may reach the list.
  hold.release();
  await hold.delivered;
  for (let i = 0; i < 5; i++) await settle();
  expect(ids(model.list.rows.value)).toEqual([mine]);
  expect(model.list.loading.value).toBe(false);
  expect(model.list.error.value).toBeNull();
});
