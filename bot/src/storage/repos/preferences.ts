import type { Queryable } from '../db.js';
import type { NotificationLevel, RecipientPreferences } from '../../domain/delivery/recipients.js';

export type { NotificationLevel };
export type Preferences = RecipientPreferences;

/** Defaults for someone who never chose: every new item, not paused. */
export const DEFAULT_PREFERENCES: Preferences = { notificationLevel: 'every', paused: false };

export function preferencesRepo(db: Queryable) {
  return {
    async get(personId: string): Promise<Preferences> {
      const [row] = await db.query<{ notification_level: NotificationLevel; paused: boolean }>(
        'select notification_level, paused from preferences where person_id = $1',
        [personId],
      );
      return row ? { notificationLevel: row.notification_level, paused: row.paused } : { ...DEFAULT_PREFERENCES };
    },

    /** `language`: an explicit choice, which from then on wins over the Teams client's. */
    async update(personId: string, change: Partial<Preferences> & { language?: 'de' | 'en' }): Promise<Preferences> {
      const [row] = await db.query<{ notification_level: NotificationLevel; paused: boolean }>(
        `insert into preferences (person_id, notification_level, paused, language)
         values ($1, coalesce($2, 'every'), coalesce($3, false), $4)
         on conflict (person_id) do update set
           notification_level = coalesce($2, preferences.notification_level),
           paused = coalesce($3, preferences.paused),
           language = coalesce($4, preferences.language),
           updated_at = now()
         returning notification_level, paused`,
        [personId, change.notificationLevel ?? null, change.paused ?? null, change.language ?? null],
      );
      return { notificationLevel: row!.notification_level, paused: row!.paused };
    },
  };
}
export type PreferencesRepo = ReturnType<typeof preferencesRepo>;
