export type NotificationLevel = 'every' | 'digest' | 'none';
export type AnnouncementSubject = 'item' | 'digest';

export interface RecipientPreferences {
  notificationLevel: NotificationLevel;
  paused: boolean;
}

/**
 * Whether a person gets an announcement of this kind. Nobody who said "nothing" or "stop"
 * receives anything; people who chose the digest get the digest and not each item.
 */
export function wantsAnnouncement(prefs: RecipientPreferences, subject: AnnouncementSubject): boolean {
  if (prefs.paused || prefs.notificationLevel === 'none') return false;
  return subject === 'item' ? prefs.notificationLevel === 'every' : prefs.notificationLevel === 'digest';
}
