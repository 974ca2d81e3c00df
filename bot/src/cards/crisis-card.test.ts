import { describe, expect, it } from 'vitest';
import { allClearCard, crisisCardTexts, crisisNoticeCard, type CrisisNoticeModel } from './crisis-card.js';
import { LOCALES, otherLocale as other } from './models-for-test.js';
import { cardProblems, markdownExposure, openUrlActions, renderForTest, textLinks } from './render-for-test.js';

const full: CrisisNoticeModel = {
  instructions: '**Do not comment** on the incident.\n\n- Refer questions to the press office',
  statementUrl: 'https://example.com/statement',
  spokesperson: 'Press office, +49 30 1234',
  crisisPageUrl: 'https://chorus.example/tab/?page=crisis',
};

describe('crisis cards', () => {
  for (const locale of LOCALES) {
    it(`parse and render cleanly in ${locale}`, () => {
      expect(cardProblems(crisisNoticeCard(full, locale), crisisCardTexts[locale], crisisCardTexts[other(locale)])).toEqual([]);
      expect(cardProblems(allClearCard({ tabUrl: 'https://chorus.example/tab/' }, locale), crisisCardTexts[locale], crisisCardTexts[other(locale)])).toEqual([]);
    });
  }

  it('carries the instructions, the spokesperson and the statement link', () => {
    const card = crisisNoticeCard(full, 'en');
    const { text } = renderForTest(card);
    expect(text).toContain('Sharing is paused');
    expect(text).toContain('Do not comment');
    expect(text).toContain('Press office, +49 30 1234');
    expect(openUrlActions(card)).toEqual([
      { title: 'Read the official statement', url: full.statementUrl },
      { title: 'Open the crisis page', url: full.crisisPageUrl },
    ]);
  });

  it('leaves out what the admins did not give, and stays small with the longest instructions', () => {
    const card = crisisNoticeCard({ ...full, statementUrl: null, spokesperson: null, instructions: 'x'.repeat(5000) }, 'de');
    expect(openUrlActions(card)).toEqual([{ title: 'Krisenseite öffnen', url: full.crisisPageUrl }]);
    expect(renderForTest(card).text).not.toContain('beantwortet');
    expect(cardProblems(card, crisisCardTexts.de, crisisCardTexts.en)).toEqual([]);
  });

  it('says all clear in the reader’s language', () => {
    expect(renderForTest(allClearCard({ tabUrl: 'https://t' }, 'de')).text).toContain('Entwarnung');
    expect(renderForTest(allClearCard({ tabUrl: 'https://t' }, 'en')).text).toContain('All clear');
  });

  it('keeps https and mailto links in the instructions and turns any other link into its text', () => {
    const ok = crisisNoticeCard({ ...full, instructions: 'Ask [press](https://example.com/press) or [mail](mailto:p@example.com).' }, 'en');
    expect(textLinks(ok)).toEqual(['https://example.com/press', 'mailto:p@example.com']);
    expect(renderForTest(ok).text).toContain('Ask press or mail.');
    const hostile = [
      '[click](javascript:alert(1)) [file](file:///etc/passwd) [app](msteams://x) [plain](http://example.com)',
      '[nested](javascript:alert((1))) <javascript:alert(1)> [ref][evil]',
      '<a href="javascript:alert(1)">raw</a> <img src=x onerror=alert(1)> <iframe src="https://evil.example"></iframe>',
      '[evil]: javascript:alert(1)',
    ].join('\n\n');
    const card = crisisNoticeCard({ ...full, instructions: hostile }, 'en');
    expect(textLinks(card)).toEqual([]);
    // Shown as the text it is, in runs Teams does not read as Markdown.
    expect(markdownExposure(card, ['javascript', '<img', '<iframe', '](', 'http://'])).toEqual([]);
    expect(renderForTest(card).text).toContain('<img src=x onerror=alert(1)>');
    expect(cardProblems(card, crisisCardTexts.en, crisisCardTexts.de)).toEqual([]);
  });

  it('keeps the instructions’ emphasis and lists without handing Teams any Markdown', () => {
    const card = crisisNoticeCard(full, 'en');
    expect(markdownExposure(card, ['**', 'Do not comment', 'press office'])).toEqual([]);
    const html = renderForTest(card).html;
    expect(html).toMatch(/font-weight:\s*(600|bold|bolder)[^>]*>Do not comment/);
    expect(renderForTest(card).text).toContain('• Refer questions to the press office');
  });
});
