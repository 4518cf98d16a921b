// @ts-check
/**
 * web-test-runner plugins giving browser tests real servers to talk to, through
 * `executeServerCommand` from @web/test-runner-commands:
 *
 *   quanda-server-start {seed?, fixture?, env?} → {url, api, adminToken, moderatorToken,
 *                                           fixture}; a fresh
 *                                           reference server and database for this test file
 *   quanda-server-stop                     → stops this file's servers
 *   misbehaving-server                     → {url, closedUrl, modes}
 *   drop-proxy-start {upstream}            → {url}: a proxy that can lose a response
 *   drop-proxy-drop                        → loses the next write's response; {dropped} so far
 *   quanda-emulate-media {features}        → emulates CSS media features on this test's
 *                                           page, forced-colors included (which the
 *                                           emulateMedia command offers on Playwright only)
 *   quanda-emulate-focus                   → this test's page behaves as if focused even when
 *                                           another file's page is in front (wtr runs two at
 *                                           once), so :focus-visible and focus tests hold
 *   quanda-build                           → builds the drop-in file into dist/ (once per run),
 *                                           as `npm start` does, for pages that load it;
 *                                           true once built (ask again while false)
 *   strict-page-start                      → {url}: a host page under the strict policy the
 *                                           README documents (see strict-page.mjs)
 */
import {startDropProxy} from './drop-proxy.mjs';
import {startMisbehavingServer} from './misbehaving-server.mjs';
import {startServer} from './quanda-server.mjs';
import {startStrictPageServer} from './strict-page.mjs';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function serversPlugin() {
  /** @type {Map<string, Array<{stop: () => Promise<void>}>>} */
  const bySession = new Map();
  /** @type {Map<string, Awaited<ReturnType<typeof startDropProxy>>>} */
  const proxies = new Map();
  /** @type {ReturnType<typeof startMisbehavingServer> | undefined} */
  let misbehaving;
  /** @type {ReturnType<typeof startStrictPageServer> | undefined} */
  let strictPage;
  /** @type {Promise<unknown> | undefined} */
  let built;
  /** @type {WeakMap<object, any>} */
  const cdpSessions = new WeakMap();
  /** A DevTools protocol session on the test's page, one per page. */
  const cdpFor = async (/** @type {any} */ session) => {
    const page = session.browser.getPage(session.id);
    let cdp = cdpSessions.get(page);
    if (!cdp) cdpSessions.set(page, (cdp = await page.createCDPSession()));
    return cdp;
  };

  const stopSession = async (/** @type {string} */ id) => {
    const servers = bySession.get(id) ?? [];
    bySession.delete(id);
    await Promise.all(servers.map((server) => server.stop()));
  };

  return {
    name: 'quanda-servers',
    async executeCommand({command, payload, session}) {
      switch (command) {
        case 'quanda-server-start': {
          const server = await startServer(/** @type {any} */ (payload) ?? {});
          bySession.set(session.id, [...(bySession.get(session.id) ?? []), server]);
          const {url, api, adminToken, moderatorToken, fixture} = server;
          return {url, api, adminToken, moderatorToken, fixture};
        }
        case 'quanda-server-stop':
          await stopSession(session.id);
          return true;
        case 'drop-proxy-start': {
          const upstream = new URL(/** @type {{upstream: string}} */ (payload).upstream);
          const proxy = await startDropProxy(Number(upstream.port));
          bySession.set(session.id, [...(bySession.get(session.id) ?? []), proxy]);
          proxies.set(session.id, proxy);
          return {url: proxy.url};
        }
        case 'drop-proxy-drop': {
          const proxy = proxies.get(session.id);
          proxy?.dropNextResponse();
          return {dropped: proxy?.dropped ?? 0};
        }
        case 'misbehaving-server': {
          misbehaving ??= startMisbehavingServer();
          const {url, closedUrl, modes} = await misbehaving;
          return {url, closedUrl, modes};
        }
        case 'quanda-emulate-media': {
          const {features} = /** @type {{features: {name: string, value: string}[]}} */ (payload);
          // Straight to the DevTools protocol: puppeteer's emulateMediaFeatures rejects
          // forced-colors by name, although Chromium supports it.
          await (await cdpFor(session)).send('Emulation.setEmulatedMedia', {features});
          return true;
        }
        case 'quanda-build': {
          // Vite is loaded only here: most runs never build. A build on two busy cores can
          // outlast a command's 20 s, so this answers within 10 s whether it is done yet,
          // and the test asks again until it is.
          built ??= import('vite').then(({build}) => build({logLevel: 'error'}));
          const done = await Promise.race([
            built.then(() => true),
            new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
          ]);
          return done;
        }
        case 'strict-page-start': {
          strictPage ??= startStrictPageServer();
          return {url: (await strictPage).url};
        }
        case 'quanda-emulate-focus':
          await (await cdpFor(session)).send('Emulation.setFocusEmulationEnabled', {enabled: true});
          return true;
        default:
          return undefined;
      }
    },
    async serverStop() {
      await Promise.all([...bySession.keys()].map(stopSession));
      await (await misbehaving)?.stop();
      await (await strictPage)?.stop();
    },
  };
}
