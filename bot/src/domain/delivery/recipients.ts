export type NotificationLevel = 'every' | 'digest' | 'none';
export type AnnouncementSubject = 'item' | 'digest' | 'crisis_notice' | 'all_clear' | 'card_update' | 'training' | 'training_notice' | 'onboarding_reminder';

export interface RecipientPreferences {
  notificationLevel: NotificationLevel;
  paused: boolean;
}

/**
 * Whether a person gets an announcement of this kind. Nobody who said "stop" receives
 * anything new. Card updates change cards people already have and send nothing new, so
 * they reach everyone who has such a card. The crisis notice and its all-clear are not
 * content to share but what to do in an emergency: they reach everyone who did not say
 * "stop", including people who chose no announcements. People who chose the digest get
 * the digest and not each item. Trainings are announced like items; news about one's own
 * registration (a seat, a cancellation, reminders) reaches everyone who did not say "stop".
 */
export function wantsAnnouncement(prefs: RecipientPreferences, subject: AnnouncementSubject): boolean {
  if (subject === 'card_update') return true;
  if (prefs.paused) return false;
  if (subject === 'crisis_notice' || subject === 'all_clear' || subject === 'training_notice') return true;
  if (prefs.notificationLevel === 'none') return false;
  // the onboarding reminder: anyone who did not turn notifications off
  if (subject === 'onboarding_reminder') return true;
  return subject === 'item' || subject === 'training' ? prefs.notificationLevel === 'every' : prefs.notificationLevel === 'digest';
}
