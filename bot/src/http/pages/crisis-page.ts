import type { Language } from '../../domain/model/common.js';
import { crisisInstructions, type VersionedCrisisState } from '../../domain/crisis/crisis-state.js';
import { escapeHtml, layout } from './i18n.js';
import { markdownToHtml } from '../../domain/text/markdown-policy.js';

const TEXT = {
  en: {
    title: 'Sharing is paused',
    lead: 'Right now our company speaks with one voice. Please do not share or comment on this topic — here is what to do instead.',
    statement: 'Read the official statement',
    spokesperson: 'Questions from outside go to',
  },
  de: {
    title: 'Teilen ist pausiert',
    lead: 'Gerade spricht unser Unternehmen mit einer Stimme. Bitte teilen und kommentieren Sie dazu nichts – so gehen Sie stattdessen vor.',
    statement: 'Zur offiziellen Stellungnahme',
    spokesperson: 'Fragen von außen gehen an',
  },
};

export { crisisInstructions };

/** What a share page shows while crisis mode is on (HTTP 423): why, and what to do instead. */
export function crisisPage(state: VersionedCrisisState, lang: Language): string {
  const t = TEXT[lang];
  const statement = state.statementUrl
    ? `<p><a class="button" href="${escapeHtml(state.statementUrl)}" rel="noopener noreferrer">${escapeHtml(t.statement)}</a></p>`
    : '';
  const spokesperson = state.spokesperson ? `<p>${escapeHtml(t.spokesperson)}: <strong>${escapeHtml(state.spokesperson)}</strong></p>` : '';
  return layout(
    lang,
    t.title,
    `<section class="card notice" role="alert">
  <h1>${escapeHtml(t.title)}</h1>
  <p>${escapeHtml(t.lead)}</p>
  <div class="instructions">${markdownToHtml(crisisInstructions(state, lang))}</div>
  ${spokesperson}
  ${statement}
</section>`,
  );
}
