import {expect, fixtureCleanup} from '@open-wc/testing';
import {composedElements, threadStates} from '../../support/states/index.js';

interface Declaration {
  tagName?: string;
  cssParts?: {name: string}[];
  cssProperties?: {name: string}[];
}

/**
 * The custom-elements manifest (and so docs/reference.md, generated from it) against what the
 * elements really do: every part they render in any state of test/support/states/, and
 * every custom property their styles read, is documented, and nothing documented is made
 * up. A failure lists the element and the names; fix the JSDoc, then `npm run manifest`.
 */
describe('custom-elements.json', () => {
  let declarations: Map<string, Declaration>;
  /** Part names each element exposes, across every state. */
  const rendered = new Map<string, Set<string>>();

  before(async function () {
    this.timeout(180_000); // every state, one after another
    const manifest = await (await fetch('/custom-elements.json')).json();
    declarations = new Map(
      manifest.modules
        .flatMap((module: {declarations?: Declaration[]}) => module.declarations ?? [])
        .filter((declaration: Declaration) => declaration.tagName)
        .map((declaration: Declaration) => [declaration.tagName, declaration]),
    );
    for (const state of threadStates) {
      const thread = await state.render('en');
      for (const host of composedElements(thread)) {
        if (!host.localName.startsWith('quanda-')) continue;
        const names = rendered.get(host.localName) ?? new Set<string>();
        rendered.set(host.localName, names);
        for (const node of host.shadowRoot?.querySelectorAll('[part], [exportparts]') ?? []) {
          node
            .getAttribute('part')
            ?.split(/\s+/)
            .forEach((name) => names.add(name));
          for (const mapping of node.getAttribute('exportparts')?.split(',') ?? []) {
            names.add(mapping.split(':').at(-1)!.trim());
          }
        }
      }
      fixtureCleanup(); // an open modal dialog would leave the next state's page inert
    }
  });

  it('describes every element the thread renders', () => {
    expect([...rendered.keys()].filter((tag) => !declarations.has(tag))).to.deep.equal([]);
    expect(rendered.size).to.be.at.least(4);
  });

  it('documents exactly the parts each element renders', () => {
    const problems: string[] = [];
    for (const [tag, names] of rendered) {
      const documented = new Set(declarations.get(tag)?.cssParts?.map((part) => part.name));
      for (const name of names) {
        if (!documented.has(name)) problems.push(`<${tag}> renders part "${name}": add @csspart`);
      }
      for (const name of documented) {
        if (!names.has(name)) {
          problems.push(
            `<${tag}> documents part "${name}" but never renders it (in test/support/states/)`,
          );
        }
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('documents exactly the custom properties each element’s styles read', () => {
    const problems: string[] = [];
    for (const [tag, declaration] of declarations) {
      const element = customElements.get(tag) as unknown as
        {elementStyles: {cssText: string}[]} | undefined;
      if (!element) continue;
      const documented = new Set(declaration.cssProperties?.map((property) => property.name));
      const read = new Set(
        element.elementStyles.flatMap((style) =>
          [...style.cssText.matchAll(/var\(\s*(--quanda-[\w-]+)/g)].map((match) => match[1]),
        ),
      );
      for (const name of read) {
        if (!documented.has(name)) problems.push(`<${tag}> reads ${name}: add @cssprop`);
      }
      for (const name of documented) {
        if (!read.has(name)) problems.push(`<${tag}> documents ${name} but never reads it`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});
