// @ts-check
/**
 * The theme playground: every Quanda token as a field, applied live to the thread with
 * style.setProperty (which a strict CSP allows, unlike inline styles), and the CSS a site
 * would paste. Presets fill the fields; ?preset=calm&lang=ar opens the page that way.
 */

/** Name, default, and whether a colour picker helps. Defaults as in host.styles.ts. */
const TOKENS = [
  ['--quanda-color-text', 'currentColor', true],
  ['--quanda-color-muted', '72% of the text colour', true],
  ['--quanda-color-surface', 'transparent', true],
  ['--quanda-color-raised', '6% of the text colour', true],
  ['--quanda-color-border', '22% of the text colour', true],
  ['--quanda-color-accent', '#1a5fd1 / #8ab4f8', true],
  ['--quanda-color-on-accent', '#ffffff / #0b1d3a', true],
  ['--quanda-color-danger', '#b3261e / #f2b8b5', true],
  ['--quanda-color-success', '#1b7f3b / #7dd99a', true],
  ['--quanda-color-focus', 'the accent', true],
  ['--quanda-font-family', 'inherit', false],
  ['--quanda-font-size', '1em', false],
  ['--quanda-font-size-small', '0.875em', false],
  ['--quanda-font-line-height', '1.5', false],
  ['--quanda-space-xs', '4px', false],
  ['--quanda-space-s', '8px', false],
  ['--quanda-space-m', '16px', false],
  ['--quanda-space-l', '24px', false],
  ['--quanda-radius', '6px', false],
  ['--quanda-question-title-size', '1.375em', false],
  ['--quanda-answer-best-color', 'the success colour', true],
  ['--quanda-answer-accepted-surface', 'transparent', true],
];

/** @type {Record<string, {theme: string, tokens: Record<string, string>}>} */
const PRESETS = {
  default: {theme: '', tokens: {}},
  dark: {theme: 'dark', tokens: {}},
  // A calm wellness palette: sage, sand and clay, soft corners, room to breathe.
  calm: {
    theme: '',
    tokens: {
      '--quanda-color-text': '#2d3b36',
      '--quanda-color-muted': '#5a6a63',
      '--quanda-color-surface': '#f6f3ec',
      '--quanda-color-raised': '#ebe5d8',
      '--quanda-color-border': '#d6cfbf',
      '--quanda-color-accent': '#4f7d67',
      '--quanda-color-on-accent': '#ffffff',
      '--quanda-color-success': '#4f7d67',
      '--quanda-color-focus': '#b86b3c',
      '--quanda-font-family': "'Avenir Next', 'Segoe UI', system-ui, sans-serif",
      '--quanda-font-line-height': '1.65',
      '--quanda-space-m': '20px',
      '--quanda-radius': '14px',
      '--quanda-answer-accepted-surface': '#eef3ee',
      '--quanda-thread-padding': '28px',
    },
  },
};

const thread = /** @type {HTMLElement} */ (document.querySelector('quanda-thread'));
const form = /** @type {HTMLFormElement} */ (document.getElementById('controls'));
const fields = /** @type {HTMLFieldSetElement} */ (document.getElementById('tokens'));
const themeSelect = /** @type {HTMLSelectElement} */ (document.getElementById('theme'));
const langSelect = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));
const cssOut = /** @type {HTMLElement} */ (document.getElementById('css'));
const copied = /** @type {HTMLElement} */ (document.getElementById('copied'));
/** Tokens a preset sets beyond the fields (kept while no field overrides them). */
let extra = /** @type {Record<string, string>} */ ({});

/** @type {Map<string, HTMLInputElement>} */
const inputs = new Map();
for (const [name, fallback, color] of TOKENS) {
  const id = `token${name}`;
  const row = document.createElement('div');
  row.className = 'token';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = String(name);
  const value = document.createElement('div');
  value.className = 'value';
  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.placeholder = String(fallback);
  input.spellcheck = false;
  value.append(input);
  if (color) {
    const picker = document.createElement('input');
    picker.type = 'color';
    picker.setAttribute('aria-label', `Pick ${name}`);
    picker.addEventListener('input', () => {
      input.value = picker.value;
      apply();
    });
    input.addEventListener('input', () => {
      if (/^#[0-9a-f]{6}$/i.test(input.value)) picker.value = input.value;
    });
    value.append(picker);
  }
  row.append(label, value);
  fields.append(row);
  inputs.set(String(name), input);
}

function apply() {
  /** @type {[string, string][]} */
  const set = [];
  for (const [name, value] of Object.entries(extra)) {
    if (!inputs.has(name)) set.push([name, value]);
  }
  for (const [name, input] of inputs) {
    if (input.value.trim()) set.push([name, input.value.trim()]);
  }
  for (const name of [...thread.style]) {
    if (name.startsWith('--quanda-')) thread.style.removeProperty(name);
  }
  for (const [name, value] of set) thread.style.setProperty(name, value);
  if (themeSelect.value) thread.setAttribute('theme', themeSelect.value);
  else thread.removeAttribute('theme');
  thread.lang = langSelect.value;

  const attributes = [
    themeSelect.value && `theme="${themeSelect.value}"`,
    langSelect.value !== 'en' && `lang="${langSelect.value}"`,
  ].filter(Boolean);
  const lines = set.map(([name, value]) => `  ${name}: ${value};`);
  cssOut.textContent =
    (attributes.length ? `/* <quanda-thread ${attributes.join(' ')} …> */\n` : '') +
    (lines.length ? `quanda-thread {\n${lines.join('\n')}\n}` : '/* No tokens: the defaults. */');
}

/** @param {string} name */
function usePreset(name) {
  const preset = PRESETS[name] ?? PRESETS.default;
  extra = {...preset.tokens};
  for (const [token, input] of inputs) input.value = preset.tokens[token] ?? '';
  for (const input of form.querySelectorAll('input[type="color"]')) {
    const text = /** @type {HTMLInputElement} */ (input.previousElementSibling);
    if (/^#[0-9a-f]{6}$/i.test(text.value))
      /** @type {HTMLInputElement} */ (input).value = text.value;
  }
  themeSelect.value = preset.theme;
  for (const button of form.querySelectorAll('[data-preset]')) {
    button.setAttribute('aria-pressed', String(button.getAttribute('data-preset') === name));
  }
  apply();
}

form.addEventListener('input', apply);
form.addEventListener('change', apply);
form.addEventListener('submit', (event) => event.preventDefault());
for (const button of form.querySelectorAll('[data-preset]')) {
  button.addEventListener('click', () => usePreset(button.getAttribute('data-preset') ?? ''));
}
document.getElementById('copy')?.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(cssOut.textContent ?? '');
    copied.textContent = 'Copied.';
  } catch {
    copied.textContent = 'Select the CSS above and copy it.';
  }
});

const params = new URLSearchParams(location.search);
langSelect.value = params.get('lang') ?? 'en';
usePreset(params.get('preset') ?? 'default');
