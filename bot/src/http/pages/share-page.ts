import type { Campaign, Disclosure } from '../../domain/model/campaigns.js';
import type { Language } from '../../domain/model/common.js';
import { progressPercent } from '../../domain/campaigns/campaign-rules.js';
import type { FeedItem } from '../../domain/model/items.js';
import { checkPostText, LINKEDIN_FOLD } from '../../domain/items/text-limits.js';
import { NETWORK_LABELS, NETWORKS, TEXT_VIA_CLIPBOARD, type Network } from '../../domain/sharing/networks.js';
import { suggestedPost } from '../../domain/sharing/compose-share.js';
import { escapeHtml, fill, layout, pageTexts } from './i18n.js';

export interface SharePageModel {
  token: string;
  item: FeedItem;
  sharedOn: Network[];
  lang: Language;
  /** While a disclosure applies: added to each suggestion and explained. */
  disclosure?: Disclosure | null;
  /** Running campaigns that cover this item. */
  campaigns?: readonly Campaign[];
}

/**
 * Works without JavaScript (one form per network, posted back here); share.js adds
 * network tabs, live counts and copy-to-clipboard.
 */
export function sharePage({ token, item, sharedOn, lang, disclosure = null, campaigns = [] }: SharePageModel): string {
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
    const text = suggestedPost(item.posts, network, disclosure);
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
${campaigns.map((c) => campaignSection(c, lang)).join('\n')}
${disclosure ? disclosureNote(disclosure, lang) : ''}
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

/** A running campaign this item belongs to: name, goal, the team's progress, prize and end (admins' words as text). */
function campaignSection(c: Campaign, lang: Language): string {
  const t = pageTexts(lang);
  const metric = c.goal.metric === 'shares' ? t.metricShares : c.goal.metric === 'clicks' ? t.metricClicks : t.metricReaders;
  const number = (n: number) => n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');
  const ends = new Date(c.endsAt).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const goal = fill(t.campaignGoal, { progress: number(c.progress), target: number(c.goal.target), metric });
  return `<section class="card campaign" aria-label="${escapeHtml(`${t.campaignLabel}: ${c.name}`)}">
  <p class="campaign-label">${escapeHtml(t.campaignLabel)}</p>
  <h2>${escapeHtml(c.name)}</h2>
  <progress max="100" value="${progressPercent(c.progress, c.goal.target)}" aria-label="${escapeHtml(fill(t.campaignProgressAria, { name: c.name }))}">${progressPercent(c.progress, c.goal.target)} %</progress>
  <p class="campaign-goal" data-campaign-progress>${escapeHtml(goal)}</p>
  ${c.prize ? `<p class="campaign-prize"><strong>${escapeHtml(t.campaignPrize)}</strong> ${escapeHtml(c.prize)}</p>` : ''}
  <p class="meta">${escapeHtml(fill(t.campaignEnds, { date: ends }))}</p>
</section>`;
}

/** Why the disclosure is in the suggestion, and whether it may go. */
function disclosureNote(d: Disclosure, lang: Language): string {
  const t = pageTexts(lang);
  return `<aside class="card disclosure" data-disclosure>
  <h2>${escapeHtml(t.disclosureTitle)}</h2>
  <p>${escapeHtml(fill(t.disclosureWhy, { text: d.text }))} ${escapeHtml(d.removable ? t.disclosureRemovable : t.disclosureKept)}</p>
</aside>`;
}
