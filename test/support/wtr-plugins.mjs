// @ts-check
/**
 * web-test-runner plugins giving browser tests real servers to talk to, through
 * `executeServerCommand` from @web/test-runner-commands:
 *
 *   quanda-server-start {seed?, fixture?, env?} → {url, api, adminToken, moderatorToken,
 *                                           fixture}; a fresh
 *                                           reference server and database for this test file
 *                                           (or {pending: id} while it is starting)
 *   quanda-server-ready {id}               → the same, for a start still under way
 *   quanda-server-stop                     → stops this file's servers
 *   misbehaving-server                     → {url, closedUrl, modes}
 *   contract-backend-start                 → {url, seed}: a backend whose every answer is
 *                                           generated from the contract (contract-backend.ts)
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
 *                                           docs/embedding.md documents (see strict-page.mjs)
 *   quanda-server-down {url}               → stops that server's process, keeping its database
 *   quanda-server-up {url}                 → starts it again, same port, same database
 *   quanda-tab-open {url, quota?}          → {id}: a real second tab (same browser, same
 *                                           profile: same IndexedDB and BroadcastChannel)
 *   quanda-tab {id, do, …}                 → drives that tab (see tabs.ts): type, value,
 *                                           text, click, eval, reload, goto, crash, offline,
 *                                           quota, close
 *   mail-sink-start                        → {url}: a real SMTP server on loopback for this
 *                                           test file (mail-sink.mjs), for QUANDA_SMTP_URL
 *   mail-sink-mails                        → [{to, subject, text}]: what it received so far
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDropProxy} from './drop-proxy.mjs';
import {startMailSink} from './mail-sink.mjs';
import {startMisbehavingServer} from './misbehaving-server.mjs';
import {runTs, startServer} from './quanda-server.mjs';
import {dropDatabase} from './test-db.mjs';
import {startStrictPageServer} from './strict-page.mjs';

/**
 * The element at a path of selectors, each inside the previous one's shadow root (run in
 * the tab, by source).
 */
const DEEP = `(path) => path.reduce((node, selector) => node && (node.shadowRoot ?? node).querySelector(selector), document)`;

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function serversPlugin() {
  /** @type {Map<string, Array<{stop: () => Promise<void>}>>} */
  const bySession = new Map();
  /** @type {Map<string, Awaited<ReturnType<typeof startDropProxy>>>} */
  const proxies = new Map();
  /** @type {Map<string, Awaited<ReturnType<typeof startMailSink>>>} */
  const sinks = new Map();
  /** @type {ReturnType<typeof startMisbehavingServer> | undefined} */
  let misbehaving;
  /** @type {ReturnType<typeof startStrictPageServer> | undefined} */
  let strictPage;
  /** @type {Promise<unknown> | undefined} */
  let built;
  /** @type {WeakMap<object, any>} */
  const cdpSessions = new WeakMap();
  /** Servers that can be stopped and started again, by URL. @type {Map<string, any>} */
  const restartable = new Map();
  /** Tabs opened by tests, by id, with the session that opened them. @type {Map<string, {page: any, session: string}>} */
  const tabs = new Map();
  let tabCount = 0;
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
    for (const [tabId, tab] of tabs) {
      if (tab.session !== id) continue;
      tabs.delete(tabId);
      await tab.page.close().catch(() => undefined);
    }
  };

  /**
   * One step in a tab a test opened.
   * @param {{id: string, do: string, path?: string[], text?: string, delay?: number,
   *   expression?: string, url?: string, on?: boolean, bytes?: number | null}} step
   */
  const driveTab = async (step) => {
    const tab = tabs.get(step.id);
    if (!tab) throw new Error(`no tab ${step.id}`);
    const {page} = tab;
    const at = (/** @type {string} */ body) =>
      page.evaluate(`((${DEEP})(${JSON.stringify(step.path ?? [])}))${body} ?? null`);
    switch (step.do) {
      case 'type':
        await at('.focus()');
        // Every key is handled by the page before the next (CDP waits for each).
        // A crash mid-typing ends it: false, not an error.
        return page.keyboard.type(step.text ?? '', {delay: step.delay ?? 0}).then(
          () => true,
          () => false,
        );
      case 'value':
        return at('?.value ?? null');
      case 'text':
        return at(`?.textContent?.replace(/\\s+/g, ' ').trim() ?? null`);
      case 'click':
        await at('.click()');
        return true;
      case 'eval':
        return (await page.evaluate(step.expression ?? 'null')) ?? null;
      case 'reload':
        await page.reload();
        return true;
      case 'goto':
        await page.goto(step.url ?? 'about:blank');
        return true;
      case 'crash': {
        // The renderer dies as in an out-of-memory kill: no pagehide, no unload, nothing.
        // (The crash answers no protocol call: nothing here waits on one for long.)
        const crashed = new Promise((resolve) => page.once('error', resolve));
        const cdp = await page.createCDPSession();
        void cdp.send('Page.crash').catch(() => undefined);
        await Promise.race([crashed, new Promise((resolve) => setTimeout(resolve, 5000))]);
        void page.close().catch(() => undefined);
        const fresh = await page.browser().newPage();
        tabs.set(step.id, {page: fresh, session: tab.session});
        if (step.url) await fresh.goto(step.url);
        return true;
      }
      case 'offline':
        await page.setOfflineMode(!!step.on);
        return true;
      case 'quota': {
        // The Storage API's quota for this tab's origin (null: back to the browser's own).
        const cdp = await page.createCDPSession();
        const origin = new URL(page.url()).origin;
        await cdp.send('Storage.overrideQuotaForOrigin', {
          origin,
          ...(step.bytes == null ? {} : {quotaSize: step.bytes}),
        });
        return true;
      }
      case 'close':
        tabs.delete(step.id);
        await page.close();
        return true;
      default:
        throw new Error(`a tab cannot "${step.do}"`);
    }
  };

  /**
   * Server starts under way. A command gets no answer after 20 s (wtr's limit), and a
   * start takes longer when every core is busy: so a command waits for it at most 10 s,
   * and the page asks again (`quanda-server-ready`) until it is up, or has failed.
   * @type {Map<number, Promise<object>>}
   */
  const starting = new Map();
  let starts = 0;
  /** @param {number} id */
  const startedWithin = async (id) => {
    const start = starting.get(id);
    if (!start) throw new Error(`no server start ${id}`);
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const later = new Promise((resolve) => (timer = setTimeout(resolve, 10_000, false)));
    try {
      const done = await Promise.race([start.then(() => true), later]);
      if (!done) return {pending: id};
    } catch (error) {
      starting.delete(id);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    starting.delete(id);
    return start;
  };

  return {
    name: 'quanda-servers',
    async executeCommand({command, payload, session}) {
      switch (command) {
        case 'quanda-server-start': {
          const id = ++starts;
          const start = (async () => {
            // Its own folder, so the database outlives a stop (quanda-server-down).
            const dir = mkdtempSync(join(tmpdir(), 'quanda-test-'));
            const options = /** @type {any} */ (payload) ?? {};
            const server = await startServer({...options, dir});
            const entry = {
              server,
              dir,
              env: options.env ?? {},
              async stop() {
                await entry.server.stop();
                rmSync(dir, {recursive: true, force: true});
                await dropDatabase(server.db);
              },
            };
            restartable.set(server.url, entry);
            bySession.set(session.id, [...(bySession.get(session.id) ?? []), entry]);
            const {url, api, adminToken, moderatorToken, fixture} = server;
            return {url, api, adminToken, moderatorToken, fixture};
          })();
          start.catch(() => undefined); // reported to the page by the command that waits on it
          starting.set(id, start);
          return startedWithin(id);
        }
        case 'quanda-server-ready':
          return startedWithin(/** @type {{id: number}} */ (payload).id);
        case 'quanda-server-down': {
          const entry = restartable.get(/** @type {{url: string}} */ (payload).url);
          await entry?.server.stop();
          return true;
        }
        case 'quanda-server-up': {
          const entry = restartable.get(/** @type {{url: string}} */ (payload).url);
          if (!entry) return false;
          const port = new URL(entry.server.url).port;
          entry.server = await startServer({dir: entry.dir, env: {...entry.env, PORT: port}});
          return true;
        }
        case 'quanda-tab-open': {
          const opener = /** @type {any} */ (session.browser).getPage(session.id);
          const page = await opener.browser().newPage();
          const {url, quota} = /** @type {{url: string, quota?: number}} */ (payload);
          // A small Storage API quota for the tab's origin, set before anything is stored
          // there (set later, it does not hold against connections already open).
          if (quota) {
            const cdp = await page.createCDPSession();
            const {origin} = new URL(url);
            await cdp.send('Storage.overrideQuotaForOrigin', {origin, quotaSize: quota});
          }
          await page.goto(url);
          const id = `tab-${++tabCount}`;
          tabs.set(id, {page, session: session.id});
          return {id};
        }
        case 'quanda-tab':
          // Wrapped: a command answering null or undefined reads as "no plugin handled it".
          return {value: await driveTab(/** @type {any} */ (payload))};
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
        case 'mail-sink-start': {
          const sink = await startMailSink();
          bySession.set(session.id, [...(bySession.get(session.id) ?? []), sink]);
          sinks.set(session.id, sink);
          return {url: sink.url};
        }
        case 'mail-sink-mails':
          return sinks.get(session.id)?.mails ?? [];
        case 'contract-backend-start': {
          // QUANDA_PROPERTY_SEED replays a failing run; otherwise a new seed each time.
          const seed =
            Number(process.env.QUANDA_PROPERTY_SEED) || Math.floor(Math.random() * 2 ** 31);
          const backend = await startContractBackend(seed);
          bySession.set(session.id, [...(bySession.get(session.id) ?? []), backend]);
          return {url: backend.url, seed};
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
      for (const tab of tabs.values()) await tab.page.close().catch(() => undefined);
      await Promise.all([...bySession.keys()].map(stopSession));
      await (await misbehaving)?.stop();
      await (await strictPage)?.stop();
    },
  };
}

/**
 * Starts test/support/contract-backend.ts with a seed; resolves once it listens.
 * @param {number} seed
 */
async function startContractBackend(seed) {
  const child = runTs('test/support/contract-backend.ts', [String(seed)]);
  let output = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (/** @type {Buffer} */ data) => {
      output += String(data);
      const match = /listening (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (/** @type {Buffer} */ data) => (output += String(data)));
    child.on('exit', (code) => reject(new Error(`contract backend exited (${code}): ${output}`)));
  });
  return {
    url: /** @type {string} */ (url),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.on('exit', () => resolve(undefined));
        child.kill();
      }),
  };
}
