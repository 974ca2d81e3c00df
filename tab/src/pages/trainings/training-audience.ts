import type { AdminTraining } from '@contract';
import type { Strings } from '../../i18n/index.js';

type AudienceFacts = Pick<AdminTraining, 'staleAudience' | 'reachesNobody'>;

/**
 * What Admin says about a session's audience (issue 14 §2): the row's flag — values nobody
 * holds any more first (they name the cause), else an audience of nobody — and the warning
 * the announce dialog shows before anything is sent. Nothing when the audience is fine.
 */
export function audienceNotes(s: AudienceFacts, t: Strings): { flag?: { label: string; hint: string }; announceWarning?: string } {
  const stale = s.staleAudience.join(', ');
  const flag =
    s.staleAudience.length > 0 ? { label: t.staleAudience, hint: t.trainingStaleAudienceHint(stale) }
    : s.reachesNobody ? { label: t.trainingReachesNobody, hint: t.trainingReachesNobodyHint }
    : undefined;
  const announceWarning = s.reachesNobody ? t.trainingAnnounceNobody : s.staleAudience.length > 0 ? t.trainingAnnounceStale(stale) : undefined;
  return { flag, announceWarning };
}
