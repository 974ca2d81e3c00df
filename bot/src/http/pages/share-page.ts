import type { Language } from '../../domain/model/common.js';
import type { FeedItem } from '../../domain/model/items.js';
import { checkPostText, LINKEDIN_FOLD } from '../../domain/items/text-limits.js';
import { NETWORK_LABELS, NETWORKS, TEXT_VIA_CLIPBOARD, type Network } from '../../domain/sharing/networks.js';
import { suggestedText } from '../../domain/sharing/compose-share.js';
import { escapeHtml, fill, layout, pageTexts } from './i18n.js';

export interface SharePageModel {
  token: string;
  item: FeedItem;
  sharedOn: Network[];
  lang: Language;
}

/**
 * Works without JavaScript (one form per network, posted back here); share.js adds
 * network tabs, live counts and copy-to-clipboard.
 */
export function sharePage({ token, item, sharedOn, lang }: SharePageModel): string {
  const t = pageTexts(lang);
  const host = new URL(item.url).hostname;
  const data = {
    token,
    hashtags: item.hashtags,
    linkedinFold: LINKEDIN_FOLD,
    texts: {
      chars: t.chars,
      tooLong: t.tooLong,
      copied: t.copied,
      copyFailed: t.copyFailed,
      opening: t.opening,
      seeMore: t.seeMore,
    },
    labels: NETWORK_LABELS,
  };
  const sections = NETWORKS.map((network, index) => {
    const label = NETWORK_LABELS[network];
    const text = suggestedText(item.posts, network);
    const check = checkPostText(network, text, item.hashtags);
    const hint = network === 'x' ? t.xCountsLink : network === 'linkedin' ? t.seeMore : '';
    return `<form class="network" method="post" action="/s/${token}" data-network="${network}" id="panel-${network}" role="tabpanel" aria-labelledby="tab-${network}"${index === 0 ? '' : ' data-hidden'}>
  <input type="hidden" name="network" value="${network}">
  <label for="text-${network}">${escapeHtml(t.yourText)} · ${label}</label>
  <textarea id="text-${network}" name="text" rows="6" maxlength="5000" data-suggested="${escapeHtml(text)}" placeholder="${escapeHtml(t.emptyText)}">${escapeHtml(text)}</textarea>
  <p class="meta"><span class="count" aria-live="polite" data-count>${check.count} / ${check.max} ${escapeHtml(t.chars)}</span>${hint ? ` <span class="hint">${escapeHtml(hint)}</span>` : ''}</p>
  ${TEXT_VIA_CLIPBOARD.has(network) ? `<p class="clipboard-note">${escapeHtml(fill(t.clipboardNote, { network: label }))}</p>` : ''}
  <button type="submit" class="post">${escapeHtml(fill(t.postOn, { network: label }))}</button>
</form>`;
  }).join('\n');

  const tabs = NETWORKS.map(
    (n, i) =>
      `<button type="button" role="tab" id="tab-${n}" aria-controls="panel-${n}" aria-selected="${i === 0}" data-tab="${n}">${NETWORK_LABELS[n]}${sharedOn.includes(n) ? ' ✓' : ''}</button>`,
  ).join('');

  return layout(
    lang,
    `${t.shareTitle}: ${item.title}`,
    `<article class="card item">
  ${item.imageUrl ? `<img class="hero" src="${escapeHtml(item.imageUrl)}" alt="" loading="lazy">` : ''}
  <h1>${escapeHtml(item.title)}</h1>
  <p class="why"><strong>${escapeHtml(t.whyLabel)}</strong> ${escapeHtml(item.why)}</p>
  <p class="host">${escapeHtml(host)}</p>
</article>
${sharedOn.length ? `<p class="card thanks">${escapeHtml(fill(t.alreadyShared, { networks: sharedOn.map((n) => NETWORK_LABELS[n]).join(', ') }))}</p>` : ''}
<p class="nudge">${escapeHtml(t.nudge)}</p>
<section class="card composer">
  <div class="tabs" role="tablist" hidden>${tabs}</div>
  ${sections}
  <p class="status" role="status" aria-live="polite" data-status></p>
  <noscript><p class="hint">${escapeHtml(t.noScript)}</p></noscript>
</section>
<p class="voluntary">${escapeHtml(t.voluntary)}</p>
<script type="application/json" id="share-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
<script src="/s/assets/share.js" defer></script>`,
  );
}
