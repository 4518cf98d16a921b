import {expect} from '@open-wc/testing';
import {loadCatalog} from '../../../src/i18n/load.js';
import type {Catalog} from '../../../src/i18n/localizer.js';

/**
 * House rules for each translation that a native reader asked for and a catalogue can be
 * checked against, so a new string cannot quietly break them. (How the strings read in
 * place is in rendered-strings.test.ts.)
 */

/** Every text of a catalogue, plural forms included, by key (`key.form` for a form). */
async function texts(locale: string): Promise<[string, string][]> {
  const catalog = (await loadCatalog(locale)) as Catalog;
  return Object.entries(catalog).flatMap(([key, message]) =>
    typeof message === 'string'
      ? [[key, message] as [string, string]]
      : Object.entries(message).map(([form, text]) => [`${key}.${form}`, text] as [string, string]),
  );
}

/** The keys whose text matches `pattern`. */
async function matching(locale: string, pattern: RegExp): Promise<string[]> {
  return (await texts(locale)).filter(([, text]) => pattern.test(text)).map(([key]) => key);
}

describe('wording rules', () => {
  it('fr: puts a no-break space before : and a narrow one before ; ! ?', async () => {
    // A plain space lets the sign start a line; no space at all is not French typography.
    expect(await matching('fr', /(^|[^\u00a0]):|(^|[^\u202f])[;!?]/)).to.deep.equal([]);
  });

  it('fr and es: the moderation team reviews, not a moderator (of one gender)', async () => {
    expect(await matching('fr', /modérat(eur|rice)/i)).to.deep.equal([]);
    expect(await matching('es', /moderador/i)).to.deep.equal([]);
  });

  it('fr: the abusive reason says hurtful, not malicious', async () => {
    expect(await matching('fr', /malveillant/)).to.deep.equal([]);
  });

  it('es: one register, Latin American tuteo', async () => {
    // Spain's vosotros, and the usted imperatives a form would slip into.
    const other =
      /\b(vosotros|os|habéis|añad\w*|introduc\w*|comprueb\w*|introduzca|escriba|revise)\b/i;
    expect(await matching('es', other)).to.deep.equal([]);
  });

  it('de: du throughout, never the formal Sie', async () => {
    // A capital "Sie" reads as the formal you, even where it means "it" at a sentence's start.
    expect(await matching('de', /\b(Sie|Ihnen|Ihre?\w*)\b/)).to.deep.equal([]);
  });

  it('ja: one form of you, and Write is not the Edit button’s word', async () => {
    expect(await matching('ja', /ご自身|自分|貴方/)).to.deep.equal([]);
    const catalog = (await loadCatalog('ja')) as Catalog;
    expect(catalog['editor.write']).not.to.equal(catalog['post.edit']);
  });

  it('ar: no reproachful لقد, and the draft’s button says it deletes', async () => {
    expect(await matching('ar', /لقد/)).to.deep.equal([]);
    const catalog = (await loadCatalog('ar')) as Catalog;
    expect(catalog['draft.discard']).to.contain('حذف');
  });
});
