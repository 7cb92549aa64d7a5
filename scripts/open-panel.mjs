// @ts-check
// Opens Cirrus's panel in the browser `npm start` runs, through the debugging connection web-ext
// keeps to it, once web-ext has loaded the extension (webExt.cmd.run resolves after that). A
// start URL given to the browser's command line is opened before the extension exists.

const GECKO_ID = 'cirrus@cirrus-cloud.org';
const LOAD_TIMEOUT_MS = 30_000;

/** @typedef {(method: string, params?: object, sessionId?: string) => Promise<any>} CdpSend */
/** @typedef {(request: string | object) => Promise<any>} RdpRequest */

/**
 * Web-ext's runner for the one browser started; its fields are not in web-ext's documented API,
 * so they are checked here rather than trusted.
 * @param {unknown} runner what webExt.cmd.run resolved to
 * @param {string} field
 */
function innerRunner(runner, field) {
  const inner = /** @type {{ extensionRunners?: Array<Record<string, any>> }} */ (runner)
    .extensionRunners?.[0];
  if (!inner?.[field]) throw new Error(`web-ext's runner has no ${field}: cannot open the panel`);
  return inner;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Chromium: navigates the window's first tab (about:blank) to panel.html over the CDP pipe, then
 * waits until that tab shows the panel.
 * @param {unknown} runner
 * @param {string} extensionId
 */
export async function openPanelInChromium(runner, extensionId) {
  const cdp = innerRunner(runner, 'cdp').cdp;
  /** @type {CdpSend} */
  const send = (method, params = {}, sessionId = undefined) =>
    cdp.sendCommand(method, params, sessionId);
  const url = `chrome-extension://${extensionId}/panel.html`;
  const { targetInfos } = await send('Target.getTargets', {});
  const first = targetInfos.find((/** @type {{ type: string }} */ t) => t.type === 'page');
  const targetId = first
    ? first.targetId
    : (await send('Target.createTarget', { url: 'about:blank' })).targetId;
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Page.navigate', { url }, sessionId);
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const { result } = await send(
      'Runtime.evaluate',
      {
        expression: `location.href + ' ' + document.readyState + ' ' + !!document.querySelector('.app-header')`,
        returnByValue: true,
      },
      sessionId,
    ).catch(() => ({ result: { value: '' } }));
    if (result.value === `${url} complete true`) break;
    if (Date.now() > deadline) throw new Error(`Chromium did not show ${url} (at ${result.value})`);
    await sleep(100);
  }
  await send('Target.detachFromTarget', { sessionId });
  console.log(`Cirrus's panel is open: ${url}`);
}

/**
 * Firefox: loads panel.html into the selected tab from the browser's own window, over the remote
 * debugging protocol web-ext installed the add-on with (a tab cannot be sent to an extension page
 * from web content), and waits until the tab shows it. The add-on's address comes from Firefox:
 * a temporary add-on does not keep the UUID a preference asks for.
 * @param {unknown} runner
 */
export async function openPanelInFirefox(runner) {
  const client = innerRunner(runner, 'remoteFirefox').remoteFirefox.client;
  /** @type {RdpRequest} */
  const request = (packet) => client.request(packet);
  const { processDescriptor } = await request({ to: 'root', type: 'getProcess', id: 0 });
  const { process: parent } = await request({ to: processDescriptor.actor, type: 'getTarget' });
  // The answer comes later as an evaluationResult event; the tab list below says whether it worked.
  await request({
    to: parent.consoleActor,
    type: 'evaluateJSAsync',
    text: `(() => {
      const url = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).getURL('panel.html');
      const triggeringPrincipal = Services.scriptSecurityManager.getSystemPrincipal();
      gBrowser.selectedBrowser.loadURI(Services.io.newURI(url), { triggeringPrincipal });
    })()`,
  });
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const { tabs } = await request('listTabs');
    const panel = tabs.find(
      (/** @type {{ url: string; title: string }} */ tab) =>
        tab.url.startsWith('moz-extension://') && tab.url.endsWith('/panel.html'),
    );
    if (panel?.title) {
      console.log(`Cirrus's panel is open: ${panel.url}`);
      return;
    }
    if (Date.now() > deadline) throw new Error('Firefox did not show the panel');
    await sleep(100);
  }
}
