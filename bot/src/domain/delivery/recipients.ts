export type NotificationLevel = 'every' | 'digest' | 'none';

export interface RecipientPreferences {
  notificationLevel: NotificationLevel;
  paused: boolean;
  /** The personal results card (on unless turned off; missing means on). */
  resultsCards?: boolean;
}

/**
 * Whether a person wants a card, by their preferences: each kind of notification picks one
 * of these rules. Nobody who said "stop" receives anything new.
 */
export const WANTS = {
  /** Content to share, one card each (items, sessions): people who chose every new item. */
  everyItem: (p: RecipientPreferences) => !p.paused && p.notificationLevel === 'every',
  /** The weekly digest: people who chose it instead of a card per item. */
  digest: (p: RecipientPreferences) => !p.paused && p.notificationLevel === 'digest',
  /**
   * Not content but what to do (the crisis card, its all-clear) or news about one's own
   * registration: everybody who did not say "stop", including people who chose nothing.
   */
  unlessStopped: (p: RecipientPreferences) => !p.paused,
  /** A friendly nudge (the onboarding reminder): not for people who turned notifications off. */
  unlessSilenced: (p: RecipientPreferences) => !p.paused && p.notificationLevel !== 'none',
  /**
   * The personal results card: a thank-you, but still a card nobody asked for — not for
   * people who said "stop", chose "nothing" or turned results cards off.
   */
  results: (p: RecipientPreferences) => !p.paused && p.notificationLevel !== 'none' && p.resultsCards !== false,
  /** Updates of cards people already have: nothing new arrives, so "stop" does not apply. */
  always: (_p: RecipientPreferences) => true,
} as const;

export type WantsRule = keyof typeof WANTS;
