import {executeServerCommand} from '@web/test-runner-commands';

type Feature =
  | {name: 'prefers-color-scheme'; value: 'light' | 'dark' | ''}
  | {name: 'prefers-reduced-motion'; value: 'reduce' | 'no-preference' | ''}
  | {name: 'forced-colors'; value: 'active' | 'none' | ''};

/**
 * Emulates media features on this test's page (see wtr-plugins.mjs). Each call replaces
 * the previous one's features; `emulateMediaFeatures([])` ends the emulation.
 */
export function emulateMediaFeatures(features: Feature[]) {
  return executeServerCommand<boolean, {features: Feature[]}>('quanda-emulate-media', {features});
}
