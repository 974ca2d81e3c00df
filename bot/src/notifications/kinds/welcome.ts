import { z } from 'zod';
import { welcomeCard } from '../../cards/welcome-card.js';
import { isNewHire } from '../../domain/onboarding/new-hire.js';
import { loadSteps, onboardingRepo } from '../../storage/repos/onboarding.js';
import { defineKind, idRef } from '../kind.js';
import { NAMED, reachable } from '../recipients.js';
import { wants } from '../wants.js';

const unlessStopped = wants('unlessStopped');

/** What made Chorus greet someone: their own install, joining a team Chorus is in, or the directory's new hire. */
export const WELCOME_CAUSES = ['install', 'team_join', 'new_hire'] as const;
export type WelcomeCause = (typeof WELCOME_CAUSES)[number];

/**
 * The welcome card: what Chorus is, that taking part is voluntary, where to go next — and,
 * for a new hire while the onboarding checklist has steps, the way to it. Queued when the
 * person installs Chorus or joins a team it is in (services/welcome.ts), to that one person,
 * and sent by the delivery worker at the tenant's pace — never inline: an install wave of
 * thousands would bounce off Teams' 50 requests/s. Once per person, ever: services/welcome.ts
 * queues one only when none was sent or is on its way (under a per-person lock), so it needs
 * no once key — a welcome that reached nobody must not use the person's welcome up. Not
 * sent to someone who typed "stop" before it went out; held during a crisis like any card.
 */
export const welcomeKind = defineKind({
  name: 'welcome',
  payload: z.object({ personId: idRef, cause: z.enum(WELCOME_CAUSES) }).strict(),
  audience: ['people'],
  wants: unlessStopped,
  recipients: reachable(NAMED, unlessStopped),
  view: () => ({}),
  async render(d, ctx) {
    const [[person], facts, steps] = await Promise.all([
      ctx.db.query<{ display_name: string }>('select display_name from people where id = $1', [d.personId]),
      onboardingRepo(ctx.db).person(d.personId),
      loadSteps(ctx.db),
    ]);
    if (!person || !facts) return 'gone';
    // New hires, as the onboarding page counts them when the card goes out, are led to it while it has steps.
    const newHire = isNewHire(facts, ctx.newHireDays, new Date(ctx.now())) && steps.length > 0;
    return welcomeCard(
      { displayName: person.display_name, tabUrl: ctx.tab('share'), isNewHire: newHire, onboardingUrl: ctx.tab('onboarding') },
      d.person.language,
    );
  },
});
