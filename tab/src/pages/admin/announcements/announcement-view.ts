import type { Announcement, DeliveryCounts } from '@contract';
import type { Strings } from '../../../i18n/index.js';

/** How often announcements that are scheduled or sending are refreshed while shown. */
export const POLL_MS = 2000;

/** Scheduled or sending: its numbers still change, and it can be cancelled. */
export function isActive(announcement: Pick<Announcement, 'status'>): boolean {
  return announcement.status === 'scheduled' || announcement.status === 'sending';
}

/** "2026-W48" → "week 48 of 2026"; anything else as it came. */
function periodLabel(period: string, t: Strings): string {
  const match = /^(\d{4})-W(\d{1,2})$/.exec(period);
  return match ? t.isoWeek(Number(match[2]), Number(match[1])) : period;
}

/**
 * What the announcement is about: the item's title, the digest's week, the crisis message,
 * the all-clear, the item whose delivered cards were paused or restored, or a training
 * session (its announcement, or a reminder, seat or cancellation notice), or the onboarding
 * reminder to new hires, or one person's welcome card. A subject this
 * tab does not know yet falls back to the item's title, else the server's word.
 */
export function subjectOf(
  announcement: Pick<Announcement, 'subject' | 'item' | 'period' | 'cardState' | 'training' | 'notice'>,
  t: Strings,
): string {
  const { subject, item, period, training, notice } = announcement;
  switch (subject) {
    case 'crisis_notice':
      return t.crisisNoticeSubject;
    case 'all_clear':
      return t.allClearSubject;
    case 'card_update': {
      const title = item?.title ?? '';
      return announcement.cardState === 'normal' ? t.cardsRestoredSubject(title) : t.cardsPausedSubject(title);
    }
    case 'digest':
      return period ? t.digestSubject(periodLabel(period, t)) : t.digestTitle;
    case 'training':
      return training?.title ?? String(subject);
    case 'training_notice': {
      const title = training?.title ?? '';
      return notice ? t.trainingNoticeSubjects[notice](title) : title || String(subject);
    }
    case 'onboarding_reminder':
      return t.onboardingReminderSubject;
    case 'welcome':
      return t.welcomeSubject;
    case 'campaign_result':
      return t.campaignResultSubject;
    default:
      // 'item', and any subject a newer server sends.
      return item?.title ?? String(subject);
  }
}

/** The known reasons in our words; a reason this tab does not know yet as the server wrote it. */
export function reasonLabel(reason: string, t: Strings): string {
  return Object.hasOwn(t.deliveryReasons, reason) ? t.deliveryReasons[reason as keyof Strings['deliveryReasons']] : reason;
}

/** Recipients already dealt with: sent, failed or skipped. */
export function handled(counts: DeliveryCounts): number {
  return counts.sent + counts.failed + counts.skipped;
}

/** 0…1 for the progress bar; a finished announcement without recipients counts as complete. */
export function progressOf(announcement: Pick<Announcement, 'status' | 'counts'>): number {
  const { counts } = announcement;
  if (counts.total === 0) return announcement.status === 'done' ? 1 : 0;
  return Math.min(1, handled(counts) / counts.total);
}

/** Reasons with their counts, largest first. */
export function reasonsOf(announcement: Pick<Announcement, 'reasons'>): Array<[string, number]> {
  return Object.entries(announcement.reasons)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}
