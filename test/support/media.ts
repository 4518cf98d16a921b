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

/**
 * Lets this test's page keep focus (and :focus-visible) while another test file's page is
 * in front: wtr runs two files at once, and only one page can have the real focus.
 */
export function emulateFocus() {
  return executeServerCommand<boolean, undefined>('quanda-emulate-focus');
}
