// @ts-check
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {fileURLToPath} from 'node:url';
import {serversPlugin} from './test/support/wtr-plugins.mjs';

/**
 * Browser tests: real Chromium (Debian's, found through CHROME_PATH or `which chromium`),
 * real IndexedDB, and real servers (the reference server on a fresh database per test
 * file, and a misbehaving one) started by the servers plugin.
 */
/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: {exportConditions: ['development']},
  // No TTY (CI, pipes): plain lines instead of the progress display.
  staticLogging: !!process.env.CI || !process.stdout.isTTY,
  concurrency: 2,
  testFramework: {config: {timeout: 10_000}},
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  // Every test page first loads the setup that turns Lit's dev warnings into failures.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <body>
        <script type="module" src="/test/support/browser-setup.ts"></script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'auto',
      // Without it esbuild ignores experimentalDecorators / useDefineForClassFields.
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    serversPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || undefined,
        headless: true,
        // Root in containers needs it; the closed network makes Chromium's own traffic noise.
        args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
      },
    }),
  ],
};
