/** What Admin knows about an audience against the directory (issue 14 §2): an item's or a session's. */
export interface AudienceFacts {
  /** Departments and locations of the audience that nobody holds any more. */
  staleAudience: readonly string[];
  /** The audience (not everyone) is nobody at the moment. */
  reachesNobody: boolean;
}

/** The words for one kind of thing (an item, a session); `values` are the stale ones, joined. */
export interface AudienceWords {
  staleLabel: string;
  staleHint: (values: string) => string;
  nobodyLabel: string;
  nobodyHint: string;
  announceNobody: string;
  announceStale: (values: string) => string;
}

export interface AudienceNotes {
  /** The row's flag: values nobody holds first (they name the cause), else an audience of nobody. */
  flag?: { label: string; hint: string };
  /** Said in the announce dialog before anything is sent: an audience of nobody first (nothing would be sent at all). */
  announceWarning?: string;
}

/** What Admin says about an audience; nothing when people are in it. */
export function audienceNotes(facts: AudienceFacts, words: AudienceWords): AudienceNotes {
  const stale = facts.staleAudience.join(', ');
  const hasStale = facts.staleAudience.length > 0;
  const flag =
    hasStale ? { label: words.staleLabel, hint: words.staleHint(stale) }
    : facts.reachesNobody ? { label: words.nobodyLabel, hint: words.nobodyHint }
    : undefined;
  const announceWarning = facts.reachesNobody ? words.announceNobody : hasStale ? words.announceStale(stale) : undefined;
  return { flag, announceWarning };
}
