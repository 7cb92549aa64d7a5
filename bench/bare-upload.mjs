// @ts-check
// The browser's floor for a multipart upload, shared by the upload benches: the file as XHR file
// slices from the extension's page to presigned part URLs, N at once, with no checksum read in the
// page and no Cirrus code; the URLs, CreateMultipartUpload and CompleteMultipartUpload are signed
// and sent from Node.
import { presign } from './kit.mjs';

const INPUT_ID = 'bench-file';

/**
 * Chooses `file` in a picker of the bench's own in `page`, so choosing it starts nothing in the
 * panel. @param {import('playwright-core').Page} page @param {string} file
 */
export async function chooseBenchFile(page, file) {
  await page.evaluate((id) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = id;
    input.hidden = true;
    document.body.append(input);
  }, INPUT_ID);
  await page.setInputFiles(`#${INPUT_ID}`, file);
}

/**
 * Runs in the page: PUTs each slice of the chosen file to its URL, `parallel` at once.
 * @param {{ urls: string[], partSize: number, parallel: number, inputId: string }} args
 * @returns {Promise<string[]>} the ETags, in part order
 */
async function sendParts({ urls, partSize, parallel, inputId }) {
  const input = /** @type {HTMLInputElement} */ (document.getElementById(inputId));
  const file = /** @type {File} */ (input.files?.[0]);
  /** @type {string[]} */
  const etags = [];
  const queue = urls.map((url, i) => ({ url, i }));
  /** @param {string} url @param {Blob} body @returns {Promise<string>} */
  const put = (url, body) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      // The panel listens for upload progress; so does this, in case listening costs something.
      let sent = 0;
      xhr.upload.onprogress = (e) => {
        sent = e.loaded;
      };
      xhr.onload = () =>
        xhr.status >= 200 && xhr.status < 300
          ? resolve(xhr.getResponseHeader('etag') ?? '')
          : reject(new Error(`HTTP ${xhr.status} after ${sent} bytes: ${xhr.responseText}`));
      xhr.onerror = () => reject(new Error(`connection failed after ${sent} bytes`));
      xhr.send(body);
    });
  const worker = async () => {
    for (let part = queue.shift(); part; part = queue.shift()) {
      const start = part.i * partSize;
      etags[part.i] = await put(part.url, file.slice(start, Math.min(file.size, start + partSize)));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return etags;
}

/**
 * One PUT of the whole chosen file to a presigned URL, from the page.
 * @param {import('playwright-core').Page} page @param {string} objectUrl @param {number} size
 */
export async function barePut(page, objectUrl, size) {
  const url = await presign('PUT', objectUrl);
  await page.evaluate(sendParts, { urls: [url], partSize: size, parallel: 1, inputId: INPUT_ID });
}

/**
 * A multipart upload of the chosen file to `objectUrl` (endpoint/bucket/key, path style).
 * @param {import('playwright-core').Page} page
 * @param {{ objectUrl: string, size: number, partSize: number, parallel: number,
 *   checksum?: string, checksumType?: string }} o
 * @returns {Promise<{ parts: number, complete: number }>} seconds for the parts and the complete
 */
export async function bareMultipart(page, o) {
  /** @param {string} method @param {string} query @param {RequestInit} [init] */
  const send = async (method, query, init) => {
    const response = await fetch(await presign(method, `${o.objectUrl}?${query}`), {
      ...init,
      method,
    });
    const text = await response.text();
    if (!response.ok || text.includes('<Error>'))
      throw new Error(`${method} ?${query.slice(0, 20)}: HTTP ${response.status} ${text}`);
    return text;
  };
  const created = await send('POST', 'uploads', {
    headers: {
      ...(o.checksum ? { 'x-amz-checksum-algorithm': o.checksum } : {}),
      ...(o.checksumType ? { 'x-amz-checksum-type': o.checksumType } : {}),
    },
  });
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created)?.[1];
  if (!uploadId) throw new Error(`no UploadId in ${created}`);
  const id = encodeURIComponent(uploadId);
  const count = Math.ceil(o.size / o.partSize);
  const urls = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      presign('PUT', `${o.objectUrl}?partNumber=${i + 1}&uploadId=${id}`),
    ),
  );
  const partsStart = performance.now();
  const etags = await page.evaluate(sendParts, {
    urls,
    partSize: o.partSize,
    parallel: o.parallel,
    inputId: INPUT_ID,
  });
  const completeStart = performance.now();
  const parts = etags
    .map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
    .join('');
  await send('POST', `uploadId=${id}`, {
    body: `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`,
  });
  return {
    parts: (completeStart - partsStart) / 1000,
    complete: (performance.now() - completeStart) / 1000,
  };
}
