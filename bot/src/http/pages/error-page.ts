import type { Language } from '../../domain/model/common.js';
import { escapeHtml, layout, pageTexts } from './i18n.js';

/** A friendly page for public visitors: what happened and what they can do. Never a redirect. */
export function errorPage(status: number, message: string, lang: Language): string {
  const t = pageTexts(lang);
  const title = status === 404 ? t.notFoundTitle : status === 410 ? t.goneTitle : status >= 500 ? t.errorTitle : message;
  const body = status === 404 ? t.notFoundBody : status >= 500 ? t.errorBody : message;
  return layout(
    lang,
    title,
    `<section class="card notice" role="alert">
  <h1>${escapeHtml(title)}</h1>
  <p>${escapeHtml(body)}</p>
</section>`,
  );
}
