import type { CampaignMetric } from '../domain/model/campaigns.js';
import { NETWORK_LABELS, NETWORKS, type Network } from '../domain/sharing/networks.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement, type Refresh, type ShowCardAction } from './adaptive-card.js';
import { actionSet, execute, openUrl, plain, run, text } from './card-parts.js';
import { formatNumber, type Locale } from './locale.js';
import { VERBS } from './verbs.js';

export type NewContentState = 'new' | 'shared' | 'expired' | 'paused' | 'not_for_me';

/** Why an item is not for someone (optional): counted per item for the editors, never shown per person. */
export const NOT_FOR_ME_REASONS = ['not_relevant', 'not_my_network', 'dont_like'] as const;
export type NotForMeReason = (typeof NOT_FOR_ME_REASONS)[number];
export const NOT_FOR_ME_INPUT_ID = 'reason';

export interface NewContentCardModel {
  itemId: string;
  title: string;
  why: string;
  imageUrl: string | null;
  suggestedText: string;
  shareUrls: Partial<Record<Network, string>>;
  state: NewContentState;
  sharedOn?: Network[];
  clicks?: number;
  recipientUserId?: string;
  /** A running campaign the item belongs to, with the team's progress when the card was sent. */
  campaign?: { name: string; progress: number; target: number; metric: CampaignMetric };
}

const en = {
  suggestion: 'Suggested text',
  shareOn: 'Share on',
  notForMe: 'Not for me',
  whyNot: 'Would you tell us why? (optional)',
  reasons: { not_relevant: 'Not relevant to me', not_my_network: 'Not for my network', dont_like: "I don't like it" } as Record<NotForMeReason, string>,
  send: 'Send',
  shared: 'You shared this ✓',
  clicks: (n: number, formatted: string) => (n === 1 ? '1 click' : `${formatted} clicks`),
  sharedOn: (networks: string) => `On ${networks}`,
  expired: 'This item has expired.',
  paused: 'Sharing is paused right now.',
  thanks: 'Thanks for your feedback. We will show you fewer items like this.',
  campaign: 'Campaign: ',
  campaignProgress: (progress: string, target: string, metric: CampaignMetric) =>
    ` — ${progress} of ${target} ${metric === 'shares' ? 'shares' : metric === 'clicks' ? 'clicks' : 'readers'} so far`,
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    suggestion: 'Textvorschlag',
    shareOn: 'Teilen auf',
    notForMe: 'Nichts für mich',
    whyNot: 'Verraten Sie uns, warum? (freiwillig)',
    reasons: { not_relevant: 'Für mich nicht relevant', not_my_network: 'Nichts für mein Netzwerk', dont_like: 'Gefällt mir nicht' },
    send: 'Senden',
    shared: 'Geteilt ✓',
    clicks: (n, formatted) => (n === 1 ? '1 Klick' : `${formatted} Klicks`),
    sharedOn: (networks) => `Auf ${networks}`,
    expired: 'Dieser Inhalt ist abgelaufen.',
    paused: 'Das Teilen ist gerade pausiert.',
    thanks: 'Danke für Ihre Rückmeldung. Wir zeigen Ihnen weniger Inhalte wie diesen.',
    campaign: 'Kampagne: ',
    campaignProgress: (progress, target, metric) =>
      ` – bisher ${progress} von ${target} ${metric === 'shares' ? 'geteilten Beiträgen' : metric === 'clicks' ? 'Klicks' : 'Leserinnen und Lesern'}`,
  },
};

export const newContentTexts = TEXT;

/** Only `new` and `shared` offer the share buttons; `not_for_me` offers nothing at all. */
const SHARES_SHOWN: ReadonlySet<NewContentState> = new Set(['new', 'shared']);

/**
 * One item to share, as this person should see it now. Delivered with `state: 'new'`;
 * the per-user refresh (`item.refresh`) lets the bot swap in the current state on view.
 */
export function newContentCard(vm: NewContentCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const refresh: Refresh | undefined = vm.recipientUserId
    ? { action: { type: 'Action.Execute', verb: VERBS.itemRefresh, data: { itemId: vm.itemId } }, userIds: [vm.recipientUserId] }
    : undefined;
  const title = plain(run(vm.title, { size: 'medium', weight: 'bolder' }));

  if (vm.state === 'not_for_me') {
    return adaptiveCard({ body: [title, text(t.thanks, { isSubtle: true })], refresh });
  }

  const body: CardElement[] = [];
  if (vm.imageUrl) body.push({ type: 'Image', url: vm.imageUrl, altText: vm.title, size: 'stretch' });
  body.push(title);
  if (vm.why) body.push(plain(run(vm.why)));
  if (vm.suggestedText) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [text(t.suggestion, { size: 'small', isSubtle: true }), plain(run(vm.suggestedText, { italic: true, isSubtle: true }))],
    });
  }

  if (vm.campaign) {
    // The admins' name travels in a TextRun: Teams never reads it as Markdown.
    const c = vm.campaign;
    body.push(
      plain(
        [run(t.campaign, { weight: 'bolder' }), run(c.name), run(t.campaignProgress(formatNumber(c.progress, locale), formatNumber(c.target, locale), c.metric))],
        { spacing: 'medium' },
      ),
    );
  }

  const status = statusLine(vm, locale);
  if (status) body.push(status);

  const shareActions: CardAction[] = SHARES_SHOWN.has(vm.state)
    ? NETWORKS.flatMap((n) => (vm.shareUrls[n] ? [openUrl(NETWORK_LABELS[n], vm.shareUrls[n])] : []))
    : [];
  if (shareActions.length > 0) {
    body.push(text(t.shareOn, { size: 'small', isSubtle: true, spacing: 'medium' }), actionSet(shareActions, { spacing: 'small' }));
  }

  // "Not for me" opens a question with an optional reason, then sends.
  const notForMe: ShowCardAction = {
    type: 'Action.ShowCard',
    title: t.notForMe,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet',
          id: NOT_FOR_ME_INPUT_ID,
          label: t.whyNot,
          style: 'expanded',
          isRequired: false,
          choices: NOT_FOR_ME_REASONS.map((r) => ({ title: t.reasons[r], value: r })),
        },
      ],
      actions: [{ ...execute(VERBS.itemNotForMe, t.send, { itemId: vm.itemId }), associatedInputs: 'auto' }],
    },
  };
  return adaptiveCard({ body, actions: [notForMe], refresh });
}

function statusLine(vm: NewContentCardModel, locale: Locale): CardElement | undefined {
  const t = TEXT[locale];
  switch (vm.state) {
    case 'shared': {
      const clicks = vm.clicks === undefined ? '' : ` (${t.clicks(vm.clicks, formatNumber(vm.clicks, locale))})`;
      const on = NETWORKS.filter((n) => vm.sharedOn?.includes(n)).map((n) => NETWORK_LABELS[n]);
      return {
        type: 'Container',
        spacing: 'medium',
        items: [
          text(`${t.shared}${clicks}`, { color: 'good', weight: 'bolder' }),
          ...(on.length > 0 ? [text(t.sharedOn(on.join(', ')), { size: 'small', isSubtle: true, spacing: 'none' })] : []),
        ],
      };
    }
    case 'expired':
      return text(t.expired, { color: 'attention', weight: 'bolder', spacing: 'medium' });
    case 'paused':
      return text(t.paused, { color: 'warning', weight: 'bolder', spacing: 'medium' });
    default:
      return undefined;
  }
}
