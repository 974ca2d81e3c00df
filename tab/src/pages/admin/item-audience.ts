import type { AdminItem } from '@contract';
import { audienceNotes, type AudienceNotes } from '../../components/audience-notes.js';
import type { Strings } from '../../i18n/index.js';

/**
 * What Admin says about an item's audience (issue 14 §2): the row's flag and the warning the
 * Announce dialog shows before anything is sent. Nothing when the audience is fine.
 */
export const itemAudienceNotes = (item: Pick<AdminItem, 'staleAudience' | 'reachesNobody'>, t: Strings): AudienceNotes =>
  audienceNotes(item, {
    staleLabel: t.staleAudience,
    staleHint: t.staleAudienceHint,
    nobodyLabel: t.reachesNobody,
    nobodyHint: t.reachesNobodyHint,
    announceNobody: t.announceNobodyWarning,
    announceStale: t.announceStaleWarning,
  });
