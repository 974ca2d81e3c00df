import type { TabPage } from '../domain/tab-links.js';
import type { AnyKind } from '../notifications/kind.js';
import { chorusKinds, type KindRegistry } from '../notifications/registry.js';
import { renderContext } from '../notifications/render-context.js';
import type { Db } from '../storage/db.js';
import type { VersionedCrisisState } from '../storage/repos/crisis.js';
import type { ClaimedDelivery } from '../storage/repos/deliveries.js';

/**
 * The activity to send (or, with `replaces`, the card it updates in place), or why this
 * person gets nothing after all (blocked, gone, opted_out, or the kind's own reason).
 */
export type Rendered = { activity: Record<string, unknown>; replaces?: string } | { skip: string };

export interface Renderer {
  (d: ClaimedDelivery): Promise<Rendered>;
  /** Optional: database work for a whole batch at once, before its cards are rendered. */
  prepare?(batch: ClaimedDelivery[]): Promise<void>;
}

/** Payloads are checked once per announcement, not once per card. */
const PAYLOADS_KEPT = 64;

/**
 * Turns a claimed delivery into the card this person gets, checked once more at the moment
 * of sending: the chat still works, they still want this kind, and then whatever the kind
 * checks (the item is still live, the session still open …). The kind renders; this file
 * knows none of them by name.
 */
export function deliveryRenderer(
  db: Db,
  publicUrl: string,
  options: { now?: () => number; crisis?: () => Promise<VersionedCrisisState>; tabLink?: (page: TabPage) => string; kinds?: KindRegistry; newHireDays?: number } = {},
): Renderer {
  const kinds = options.kinds ?? chorusKinds;
  const { ctx, prepareTokens, forgetToken } = renderContext(db, publicUrl, options);
  const payloads = new Map<string, unknown>();

  const kindOf = (d: ClaimedDelivery): AnyKind => {
    const kind = kinds.get(d.kind);
    if (!kind) throw new Error(`unknown notification kind ${d.kind}`);
    return kind;
  };
  const payloadOf = (kind: AnyKind, d: ClaimedDelivery): unknown => {
    if (payloads.has(d.announcementId)) return payloads.get(d.announcementId);
    const payload = kind.payload.parse(d.payload);
    if (payloads.size >= PAYLOADS_KEPT) payloads.delete(payloads.keys().next().value as string);
    payloads.set(d.announcementId, payload);
    return payload;
  };
  /** The item whose share token this card needs, if any (none when its kind or payload is bad: the render says why). */
  const tokenItem = (d: ClaimedDelivery): string | undefined => {
    const kind = kinds.get(d.kind);
    if (!kind?.shareTokenFor) return undefined;
    try {
      return kind.shareTokenFor(payloadOf(kind, d));
    } catch {
      return undefined;
    }
  };

  const renderOne = async (d: ClaimedDelivery): Promise<Rendered> => {
    if (d.conversation.status !== 'active') return { skip: d.conversation.status };
    const kind = kindOf(d);
    if (!kind.wants.test(d.preferences)) return { skip: 'opted_out' };
    const card = await kind.render({ ...d, payload: payloadOf(kind, d) }, ctx);
    if (typeof card === 'string') return { skip: card };
    const { reference } = d.conversation;
    return {
      ...(kind.updatesCard && d.activityId ? { replaces: d.activityId } : {}),
      activity: {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        conversation: { id: d.conversation.id, tenantId: d.conversation.tenantId, conversationType: 'personal' },
        channelData: { tenant: { id: d.conversation.tenantId } },
        ...(reference.user ? { recipient: reference.user } : {}),
        ...(reference.bot ? { from: reference.bot } : {}),
      },
    };
  };
  const render: Renderer = async (d) => {
    try {
      return await renderOne(d);
    } finally {
      const itemId = tokenItem(d);
      if (itemId) forgetToken(itemId, d.personId); // skipped ones too: nothing lingers
    }
  };
  render.prepare = async (batch) => {
    const pairs = batch.flatMap((d) => {
      if (d.conversation.status !== 'active') return [];
      const itemId = tokenItem(d);
      return itemId ? [{ itemId, personId: d.personId }] : [];
    });
    await prepareTokens(pairs);
  };
  return render;
}
