import type { AdminTraining } from '@contract';
import { audienceNotes as notes, type AudienceNotes } from '../../components/audience-notes.js';
import type { Strings } from '../../i18n/index.js';

/**
 * What Admin says about a session's audience (issue 14 §2): the row's flag and the warning
 * the announce dialog shows before anything is sent. Nothing when the audience is fine.
 */
export const audienceNotes = (s: Pick<AdminTraining, 'staleAudience' | 'reachesNobody'>, t: Strings): AudienceNotes =>
  notes(s, {
    staleLabel: t.staleAudience,
    staleHint: t.trainingStaleAudienceHint,
    nobodyLabel: t.trainingReachesNobody,
    nobodyHint: t.trainingReachesNobodyHint,
    announceNobody: t.trainingAnnounceNobody,
    announceStale: t.trainingAnnounceStale,
  });
