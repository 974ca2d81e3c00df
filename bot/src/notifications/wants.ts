import { WANTS, type RecipientPreferences, type WantsRule } from '../domain/delivery/recipients.js';

/**
 * A rule of domain/delivery/recipients.ts in both forms: the SQL that picks recipients when
 * a send starts (`pr`: the person's preferences row, possibly missing) and the check each
 * card gets again just before it is sent (preferences may have changed meanwhile).
 */
export interface WantsPolicy {
  rule: WantsRule;
  test(prefs: RecipientPreferences): boolean;
  sql: string;
}

const PAUSED = 'coalesce(pr.paused, false)';
const LEVEL = `coalesce(pr.notification_level, 'every')`;

const SQL: Record<WantsRule, string> = {
  everyItem: `not ${PAUSED} and ${LEVEL} = 'every'`,
  digest: `not ${PAUSED} and ${LEVEL} = 'digest'`,
  unlessStopped: `not ${PAUSED}`,
  unlessSilenced: `not ${PAUSED} and ${LEVEL} <> 'none'`,
  results: `not ${PAUSED} and ${LEVEL} <> 'none' and coalesce(pr.results_cards, true)`,
  always: 'true',
};

export const wants = (rule: WantsRule): WantsPolicy => ({ rule, test: WANTS[rule], sql: SQL[rule] });
