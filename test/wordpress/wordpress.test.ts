import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import puppeteer from 'puppeteer-core';
import type {Browser, ElementHandle, Page} from 'puppeteer-core';
import {build} from 'vite';
import {ADMIN_TOKEN, startServer} from '../support/quanda-server.mjs';
import {startWordPress} from './wordpress.mjs';

type Server = Awaited<ReturnType<typeof startServer>>;
type WordPress = Awaited<ReturnType<typeof startWordPress>>;

/**
 * The plugin on Debian's WordPress 6.1, as a site owner and an author use it: the owner
 * sets the Quanda server's URL on the settings page; an Author (no `unfiltered_html`)
 * publishes posts through the REST API the editor saves with; a reader opens them in
 * Chromium and answers.
 */
describe('WordPress plugin', () => {
  let quanda: Server;
  let wordpress: WordPress;
  let browser: Browser;

  before(async () => {
    // The drop-in file the plugin loads from the Quanda server: built when this checkout has none.
    if (!existsSync('dist/quanda.js')) await build({logLevel: 'silent'});
    // The plugin as a site owner gets it: the zip `npm run build:wordpress` makes.
    const built = spawnSync(process.execPath, ['src/integrations/wordpress/build.mjs'], {
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    [quanda, wordpress] = await Promise.all([
      startServer({}),
      startWordPress({plugin: 'dist/quanda-wordpress.zip'}),
    ]);
    for (const [id, title] of [
      ['wp-sleep', 'How do you keep a sleep routine on night shifts?'],
      ['wp-calm', 'What helps you calm down before a hard conversation?'],
    ]) {
      const created = await fetch(`${quanda.api}/questions`, {
        method: 'POST',
        headers: {'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`},
        body: JSON.stringify({id, title}),
      });
      assert.equal(created.status, 201);
    }
    browser = await puppeteer.launch({
      executablePath: process.env['CHROME_PATH'] || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([quanda?.stop(), wordpress?.stop()]);
  });

  async function logIn(page: Page, user: string, password: string) {
    await page.goto(`${wordpress.url}/wp-login.php`);
    await page.locator('#user_login').fill(user);
    await page.locator('#user_pass').fill(password);
    await Promise.all([page.waitForNavigation(), page.locator('#wp-submit').click()]);
  }

  /** Publishes a post as the author, through the REST API the block editor saves with. */
  async function publish(title: string, content: string) {
    const {user, applicationPassword} = wordpress.author;
    const response = await fetch(`${wordpress.url}/?rest_route=/wp/v2/posts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${user}:${applicationPassword}`).toString('base64')}`,
      },
      body: JSON.stringify({title, content, status: 'publish'}),
    });
    const post = (await response.json()) as {link: string; content: {raw?: string}};
    assert.equal(response.status, 201, JSON.stringify(post));
    return post.link;
  }

  async function answerOn(link: string, answer: string) {
    // A reader: signed in to nothing, with a device of their own.
    const reader = await browser.createBrowserContext();
    const page = await reader.newPage();
    // What the page said, for the failure message.
    const said: string[] = [];
    page.on('console', (message) => said.push(`console ${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => said.push(`page error: ${String(error)}`));
    page.on('requestfailed', (request) =>
      said.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    try {
      await page.goto(link);
      const scripts = await page.$$eval('script[src$="/quanda.js"]', (found) =>
        found.map((script) => script.getAttribute('type')),
      );
      assert.deepEqual(scripts, ['module'], 'the drop-in file, once, as a module');
      // The question, from the Quanda server, in the thread's shadow root.
      const thread = 'quanda-thread[question-id="wp-sleep"]';
      await page.waitForFunction(
        (selector) =>
          document
            .querySelector(selector)
            ?.shadowRoot?.querySelector('quanda-question')
            ?.shadowRoot?.textContent?.includes('night shifts'),
        {},
        thread,
      );
      // Typed into the answer form, and sent with its button.
      const inForm = (inner: string) =>
        page.waitForFunction(
          (selector, inner) =>
            document
              .querySelector(selector)
              ?.shadowRoot?.querySelector('quanda-answer-form')
              ?.shadowRoot?.querySelector(inner),
          {},
          thread,
          inner,
        );
      const textarea = (await inForm('textarea')) as ElementHandle<HTMLTextAreaElement>;
      await textarea.type(answer);
      const submit = (await inForm('[part~="submit-button"]')) as ElementHandle<HTMLButtonElement>;
      await submit.click();
      // The thread says so, and shows it.
      await page.waitForFunction(
        (selector) => {
          const root = document.querySelector(selector)?.shadowRoot;
          return (
            root?.querySelector('section > [role="status"]')?.textContent ===
              'Your answer was posted.' && root.querySelector('quanda-answer')
          );
        },
        {},
        thread,
      );
      // Stored on the Quanda server, as the reader wrote it.
      const stored = (await (await fetch(`${quanda.api}/questions/wp-sleep`)).json()) as {
        answers: unknown[];
      };
      assert.ok(
        stored.answers.some((posted) => JSON.stringify(posted).includes(answer)),
        JSON.stringify(stored.answers),
      );
    } catch (error) {
      const shown = await page.$$eval('quanda-thread', (threads) =>
        threads.map((thread) => thread.shadowRoot?.innerHTML.replace(/<!--[^>]*-->/g, '')),
      );
      throw new Error(`${String(error)}\n${said.join('\n')}\n${shown.join('\n')}`, {
        cause: error,
      });
    } finally {
      await reader.close();
    }
  }

  it('has no PHP syntax error in any file', () => {
    for (const file of ['quanda.php', 'block/render.php', 'block/editor.asset.php']) {
      const checked = spawnSync('php', ['-l', `src/integrations/wordpress/quanda/${file}`], {
        encoding: 'utf8',
      });
      assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    }
  });

  it('takes the Quanda server’s URL on its settings page, and refuses what is not one', async () => {
    const page = await browser.newPage();
    try {
      await logIn(page, wordpress.admin.user, wordpress.admin.password);
      await page.goto(`${wordpress.url}/wp-admin/options-general.php?page=quanda`);
      await page.locator('#quanda-server-url').fill('javascript:alert(1)');
      await Promise.all([page.waitForNavigation(), page.locator('#submit').click()]);
      assert.equal(
        await page.$eval('#quanda-server-url', (input) => (input as HTMLInputElement).value),
        '',
      );
      await page.locator('#quanda-server-url').fill(`${quanda.url}/`);
      await Promise.all([page.waitForNavigation(), page.locator('#submit').click()]);
      assert.equal(
        await page.$eval('#quanda-server-url', (input) => (input as HTMLInputElement).value),
        quanda.url,
      );
    } finally {
      await page.close();
    }
  });

  it('shows a thread an Author embedded with the shortcode, and a reader can answer', async () => {
    const link = await publish(
      'Night shifts',
      'Our readers on sleep and on calm.\n\n[quanda question-id="wp-sleep"]\n\n[quanda question-id="wp-calm" lang="en"]',
    );
    await answerOn(link, 'Blackout curtains and the same wind-down hour, even on days off.');
  });

  it('shows a thread an Author embedded with the block, and a reader can answer', async () => {
    const link = await publish(
      'Night shifts, the block',
      '<!-- wp:quanda/qa {"questionId":"wp-sleep","lang":"en"} /-->',
    );
    await answerOn(link, 'A short walk in daylight after waking helped me most.');
  });

  it('shows the readers’ questions about a post with [quanda], and a reader asks one', async () => {
    const link = await publish('Naps', 'What our readers ask about naps.\n\n[quanda]');
    const reader = await browser.createBrowserContext();
    const page = await reader.newPage();
    try {
      await page.goto(link);
      /** An element inside the board, through the shadow roots on the way. */
      const inBoard = (...path: string[]) =>
        page.waitForFunction(
          (path) => {
            let at: Element | null | undefined = document.querySelector('quanda-board');
            for (const selector of path) at = at?.shadowRoot?.querySelector(selector);
            return at;
          },
          {},
          path,
        ) as Promise<ElementHandle<HTMLElement>>;
      const empty = await inBoard('[part~="empty"]');
      assert.equal(
        await empty.evaluate((element) => element.textContent),
        'No questions about this article yet. Ask the first one.',
      );
      await (await inBoard('[part~="ask-button"]')).click();
      await (await inBoard('quanda-ask-form', '#title')).type('How long should a nap be?');
      await (await inBoard('quanda-ask-form', 'textarea')).type('Mine run past an hour.');
      await (await inBoard('quanda-ask-form', '[part~="submit-button"]')).click();
      const item = await inBoard('[part~="item-title"]');
      assert.equal(
        await item.evaluate((element) => element.textContent),
        'How long should a nap be?',
      );
    } finally {
      await reader.close();
    }
  });

  it('loses what an Author pastes as HTML, which is why the block and shortcode exist', async () => {
    const link = await publish(
      'Pasted',
      `<script type="module" src="${quanda.url}/quanda.js"></script><quanda-thread endpoint="${quanda.url}/api" question-id="wp-sleep"></quanda-thread>`,
    );
    const html = await (await fetch(link)).text();
    assert.doesNotMatch(html, /<quanda-thread/);
  });

  it('offers the block in the editor to an Author, who sets its question there', async () => {
    const author = await browser.createBrowserContext();
    const page = await author.newPage();
    try {
      await logIn(page, wordpress.author.user, wordpress.author.password);
      await page.goto(`${wordpress.url}/wp-admin/post-new.php`);
      type Editor = {
        wp: {
          blocks: {
            getBlockType: (name: string) => {title: string} | undefined;
            createBlock: (name: string) => unknown;
          };
          data: {
            dispatch: (store: string) => {insertBlocks: (blocks: unknown[]) => void};
            select: (store: string) => {getBlocks: () => {attributes: {questionId: string}}[]};
          };
        };
      };
      const title = await page.waitForFunction(
        () => (window as unknown as Partial<Editor>).wp?.blocks?.getBlockType('quanda/qa')?.title,
        {timeout: 60_000},
      );
      assert.equal(await title.jsonValue(), 'Quanda');
      // Added as the inserter adds it, then its question typed into its own field.
      await page.evaluate(() => {
        const {wp} = window as unknown as Editor;
        wp.data.dispatch('core/block-editor').insertBlocks([wp.blocks.createBlock('quanda/qa')]);
      });
      const field = await page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLLabelElement>('.quanda-block label')].find(
            (label) => label.textContent === 'Question ID (optional)',
          )?.control,
      );
      await (field as ElementHandle<HTMLInputElement>).type('wp-sleep');
      const stored = await page.evaluate(() =>
        (window as unknown as Editor).wp.data
          .select('core/block-editor')
          .getBlocks()
          .map((block) => block.attributes.questionId),
      );
      assert.deepEqual(stored, ['wp-sleep']);
    } finally {
      await author.close();
    }
  });
});
