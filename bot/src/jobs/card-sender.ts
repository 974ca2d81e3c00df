import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { backoffMs, classifyAnswer, type RetryPolicy } from '../domain/delivery/send-outcome.js';
import type { TenantPacer } from '../domain/delivery/tenant-pacer.js';
import type { conversationsRepo } from '../storage/repos/conversations.js';
import type { ClaimedDelivery, deliveriesRepo } from '../storage/repos/deliveries.js';
import type { ConnectorClient } from '../teams/connector-client.js';
import { SentRecorder } from './sent-recorder.js';

type Deliveries = ReturnType<typeof deliveriesRepo>;
type Conversations = ReturnType<typeof conversationsRepo>;

/** How stale the sender's knowledge of cancels may be. */
const CANCEL_CHECK_MS = 100;

/**
 * One card to one chat, and what its answer means for the delivery row: sent (recorded in
 * batches), retried (a 429 slows the whole tenant), skipped (blocked, gone, card deleted)
 * or failed. The delivery worker decides what to send and when; this sends it.
 */
export function cardSender(o: { repo: Deliveries; conversations: Conversations; connector: ConnectorClient; retry: RetryPolicy; log: Logger }) {
  const { repo, conversations, connector, retry, log } = o;
  const sentRecorder = new SentRecorder((rows) => repo.sentMany(rows));

  /** Trouble on our side (rendering, the token): retried like a 5xx, with the same bound. */
  async function giveUpOrRetry(d: ClaimedDelivery, reason: string): Promise<void> {
    if (d.attempts >= retry.maxAttempts) return repo.settle(d, 'failed', `${reason} after ${d.attempts} tries`);
    return repo.retryLater(d, backoffMs(d.attempts, retry, Math.random), reason);
  }

  async function send(d: ClaimedDelivery, card: { activity: Record<string, unknown>; replaces?: string }, pacer: TenantPacer): Promise<void> {
    const target = { serviceUrl: d.conversation.serviceUrl, conversationId: d.conversation.id };
    let answer: Awaited<ReturnType<ConnectorClient['send']>>;
    try {
      // An update counts against the tenant's limit like a send: same pace, same queue.
      answer = card.replaces
        ? await connector.update(target, card.replaces, card.activity)
        : await connector.send(target, card.activity);
    } catch (err) {
      // Nothing left this process (e.g. no token): not a Teams answer.
      log.error({ err }, 'could not send a card');
      return giveUpOrRetry(d, 'could not send');
    }
    const outcome = classifyAnswer(answer, d.attempts, retry);
    switch (outcome.kind) {
      case 'sent':
        // Teams has the card: recording that must not turn into sending it again.
        return sentRecorder.record(d, answer.activityId);
      case 'retry':
        // A 429 is about the tenant, not this card: everybody waits.
        if (outcome.throttled) pacer.throttle(outcome.afterMs);
        return repo.retryLater(d, outcome.afterMs, outcome.reason);
      case 'blocked':
      case 'gone':
        // An update's 404 may mean only that card is gone (deleted); the chat is gone
        // only when Teams says so.
        if (outcome.kind === 'gone' && card.replaces && answer.errorCode !== 'ConversationNotFound') {
          return repo.settle(d, 'skipped', 'card_gone');
        }
        await conversations.setStatus(d.conversation.id, outcome.kind);
        return repo.settle(d, 'skipped', outcome.kind);
      case 'failed':
        log.warn({ reason: outcome.reason }, 'card could not be delivered');
        return repo.settle(d, 'failed', outcome.reason);
    }
  }

  return { send, giveUpOrRetry };
}

/** Cancels seen by a sender: refreshed in the background, so the send path never waits. */
export function cancelWatch(repo: Pick<Deliveries, 'cancelledAmong'>, log: Logger) {
  let cancelled = new Set<string>();
  let checkedAt = 0;
  let checking = false;
  return {
    has: (batch: ClaimedDelivery[], id: string): boolean => {
      if (!checking && performance.now() - checkedAt > CANCEL_CHECK_MS) {
        checking = true;
        checkedAt = performance.now();
        repo
          .cancelledAmong([...new Set(batch.map((d) => d.announcementId))])
          .then((found) => void (cancelled = found), (err: unknown) => log.warn({ err }, 'checking for cancels failed'))
          .finally(() => (checking = false));
      }
      return cancelled.has(id);
    },
  };
}
