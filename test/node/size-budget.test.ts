import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {ANSWER_MODULES, BUDGET, checkBudgets, loads, measure} from '../size/size.mjs';
import type {FileFigures, SizeFigures} from '../size/size.mjs';

/**
 * The size budgets that `npm run size` enforces. The answer budget guards a form that is
 * not written yet, so its failing path is proved here: on a made-up chunk graph, and on
 * today's real build with a tiny budget.
 */
describe('size budgets', () => {
  const chunk = (file: string, gzip: number, more: Partial<FileFigures> = {}): FileFigures => ({
    file,
    raw: gzip * 3,
    gzip,
    brotli: gzip - 1,
    firstLoad: false,
    answerLoad: false,
    previewLoad: false,
    moduleIds: [],
    imports: [],
    dynamicImports: [],
    ...more,
  });

  /** An entry, a shared chunk, the lazy form with its storage and preview, and a locale. */
  const graph = () => [
    chunk('quanda.js', 20_000, {
      moduleIds: ['src/quanda.ts', 'node_modules/lit/index.js'],
      imports: ['shared.js'],
      dynamicImports: ['form.js', 'de.js'],
    }),
    chunk('shared.js', 2_000, {moduleIds: ['src/api/schemas.ts']}),
    chunk('form.js', 9_000, {
      moduleIds: [ANSWER_MODULES.form],
      imports: ['shared.js', 'drafts.js'],
      dynamicImports: ['preview.js'],
    }),
    chunk('drafts.js', 1_500, {
      moduleIds: ['src/storage/draft-store.ts', 'node_modules/idb/build/index.js'],
    }),
    chunk('outbox.js', 700, {moduleIds: ['src/storage/idb/outbox.ts'], imports: ['drafts.js']}),
    chunk('preview.js', 12_000, {
      moduleIds: ['src/markdown/preview.ts', 'node_modules/marked/lib/marked.esm.js'],
      imports: ['sanitizer.js'],
    }),
    chunk('sanitizer.js', 8_000, {moduleIds: ['node_modules/dompurify/dist/purify.es.mjs']}),
    chunk('de.js', 1_000, {moduleIds: ['src/i18n/locales/de.ts']}),
  ];

  it('counts the first load, the form, what it reaches and storage, but not the preview', () => {
    const figures = loads(graph(), 'quanda.js');
    assert.deepEqual(figures.firstLoad.files, ['quanda.js', 'shared.js']);
    assert.equal(figures.firstLoad.gzip, 22_000);
    assert.deepEqual(figures.answerLoad?.files.sort(), [
      'drafts.js',
      'form.js',
      'outbox.js',
      'quanda.js',
      'shared.js',
    ]);
    assert.equal(figures.answerLoad?.gzip, 22_000 + 9_000 + 1_500 + 700);
    assert.deepEqual(checkBudgets(figures).failures, []);
  });

  it('counts preview code that is bundled into a chunk the form needs anyway', () => {
    const files = graph();
    files.find((f) => f.file === 'form.js')!.moduleIds.push('src/markdown/preview.ts');
    files.find((f) => f.file === 'form.js')!.gzip += 10_000;
    const figures = loads(files, 'quanda.js');
    assert.equal(figures.answerLoad?.gzip, 22_000 + 19_000 + 1_500 + 700);
  });

  it('counts what pressing Preview downloads beyond the answer load', () => {
    const files = graph();
    // The preview also uses a chunk the form has already brought.
    files.find((f) => f.file === 'preview.js')!.imports.push('drafts.js');
    const figures = loads(files, 'quanda.js');
    assert.deepEqual(figures.previewLoad?.files.sort(), ['preview.js', 'sanitizer.js']);
    assert.equal(figures.previewLoad?.gzip, 12_000 + 8_000);
    assert.deepEqual(checkBudgets(figures).failures, []);
  });

  it('fails with the figure when the preview load is over its budget', () => {
    const files = graph();
    files.find((f) => f.file === 'preview.js')!.gzip = 30_000;
    const {lines, failures} = checkBudgets(loads(files, 'quanda.js'));
    assert.ok(lines.some((line) => line.startsWith('preview load: 38.00 kB gzip')));
    assert.equal(failures.length, 1);
    assert.match(
      failures[0],
      /Pressing Preview downloads 38\.00 kB gzip, over the budget of 20\.00 kB/,
    );
  });

  it('fails with the figure when the answer load is over its budget', () => {
    const files = graph();
    files.find((f) => f.file === 'form.js')!.gzip = 20_000;
    const {failures} = checkBudgets(loads(files, 'quanda.js'));
    assert.equal(failures.length, 1);
    assert.match(failures[0], /write an answer is 44\.20 kB gzip, over the budget of 40\.00 kB/);
  });

  describe('on the real build', () => {
    let figures: SizeFigures;
    before(async () => {
      // Not written to dist/: other test files may be reading it at the same time.
      figures = await measure({write: false});
    });

    it('measures what pressing Preview downloads, within its budget', () => {
      const {lines, failures} = checkBudgets(figures);
      assert.ok(figures.previewLoad, 'a chunk holds src/markdown/preview.ts');
      assert.ok(lines.some((line) => line.startsWith('preview load: ')));
      assert.ok(figures.previewLoad.gzip > 0);
      assert.ok(!failures.some((failure) => failure.startsWith('Pressing Preview')));
    });

    it('says the answer form is not in the build yet, or checks it', () => {
      const {lines, failures} = checkBudgets(figures);
      if (figures.answerLoad) {
        assert.ok(lines.some((line) => line.startsWith('answer load: ')));
      } else {
        assert.ok(lines.some((line) => line.includes('the answer form is not in the build yet')));
        assert.deepEqual(failures, []);
      }
    });

    it('fails with the figure when a tiny budget is asked of it', () => {
      // Today's build has no answer form: stand in with a module that is in it.
      const modules = {...ANSWER_MODULES, form: 'src/components/vote/vote.ts'};
      const {files} = figures;
      const entry = files.find((f) => f.moduleIds.includes('src/quanda.ts'))!.file;
      const stood = loads(
        files.map((f) => ({...f})),
        entry,
        modules,
      );
      const {failures} = checkBudgets(stood, {...BUDGET, answerLoad: 1_000}, modules);
      const figure = `${(stood.answerLoad!.gzip / 1000).toFixed(2)} kB gzip`;
      // The ask load shares the budget, so it fails too.
      const answering = failures.filter((failure) => failure.includes('write an answer'));
      assert.equal(answering.length, 1);
      assert.ok(answering[0].includes(`write an answer is ${figure}, over the budget of 1.00 kB`));
    });
  });
});
