import type { KindSql } from '../storage/repos/deliveries.js';
import type { AnnouncementView } from '../domain/model/announcements.js';
import type { AnyKind } from './kind.js';
import { allClearKind } from './kinds/all-clear.js';
import { campaignResultKind } from './kinds/campaign-result.js';
import { cardUpdateKind } from './kinds/card-update.js';
import { crisisNoticeKind } from './kinds/crisis-notice.js';
import { digestKind } from './kinds/digest.js';
import { itemKind } from './kinds/item.js';
import { onboardingReminderKind } from './kinds/onboarding-reminder.js';
import { resultsKind } from './kinds/results.js';
import { thanksKind } from './kinds/thanks.js';
import { trainingNoticeKind } from './kinds/training-notice.js';
import { trainingKind } from './kinds/training.js';
import { welcomeKind } from './kinds/welcome.js';

/** Every kind of card Chorus sends. A new kind: its file in kinds/, and one line here. */
export const CHORUS_KINDS: readonly AnyKind[] = [
  itemKind,
  digestKind,
  trainingKind,
  trainingNoticeKind,
  onboardingReminderKind,
  campaignResultKind,
  crisisNoticeKind,
  allClearKind,
  cardUpdateKind,
  resultsKind,
  thanksKind,
  welcomeKind,
];

/** Kinds by name, and what the engine and the crisis switch need from all of them at once. */
export interface KindRegistry {
  readonly kinds: readonly AnyKind[];
  get(name: string): AnyKind | undefined;
  /** What the delivery engine runs (storage/repos/deliveries.ts); it never names a kind. */
  readonly sql: KindSql;
  /** The announcements a crisis switch cancels (a condition on `a`). */
  crisisCancels(switched: 'on' | 'off'): string;
  /** What the admin API shows of a stored payload; a kind this process does not know (or a payload it cannot read) shows nothing more. */
  view(name: string, payload: unknown): AnnouncementView;
}

const NAME = /^[a-z][a-z0-9_]*$/;

export function kindRegistry(kinds: readonly AnyKind[]): KindRegistry {
  const byName = new Map<string, AnyKind>();
  for (const kind of kinds) {
    // Names go into SQL as literals: letters, digits and underscores only.
    if (!NAME.test(kind.name)) throw new Error(`notification kind names are lower-case words: ${kind.name}`);
    if (byName.has(kind.name)) throw new Error(`two notification kinds are called ${kind.name}`);
    byName.set(kind.name, kind);
  }
  const when = (pick: (k: AnyKind) => string | undefined, otherwise: string) => {
    const arms = kinds.flatMap((k) => {
      const sql = pick(k);
      return sql === undefined ? [] : [`when '${k.name}' then (${sql})`];
    });
    return arms.length === 0 ? otherwise : `case a.kind ${arms.join(' ')} else ${otherwise} end`;
  };
  return {
    kinds,
    get: (name) => byName.get(name),
    view(name, payload) {
      const kind = byName.get(name);
      const parsed = kind?.payload.safeParse(payload);
      return kind && parsed?.success ? kind.view(parsed.data) : {};
    },
    sql: {
      names: kinds.map((k) => k.name),
      ready: when((k) => k.ready, 'true'),
      upkeep: kinds.flatMap((k) => k.upkeep ?? []),
      recipients: (name) => byName.get(name)?.recipients,
    },
    crisisCancels(switched) {
      return when((k) => {
        const rule = switched === 'on' ? k.crisis?.cancelOnSwitchOn : k.crisis?.cancelOnSwitchOff;
        return rule === true ? 'true' : rule;
      }, 'false');
    },
  };
}

/** The kinds every Chorus process knows. */
export const chorusKinds = kindRegistry(CHORUS_KINDS);
