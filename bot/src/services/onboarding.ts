import { onboardingService, type OnboardingNotices } from '../domain/onboarding/onboarding-service.js';
import type { UrlPolicy } from '../domain/urls/stored-url.js';
import { enqueueIn } from '../notifications/enqueue.js';
import { onboardingReminderKind } from '../notifications/kinds/onboarding-reminder.js';
import type { Db } from '../storage/db.js';
import { markReminded, onboardingRepo } from '../storage/repos/onboarding.js';

/**
 * The reminder's two writes in one transaction: the people marked reminded and the one
 * announcement to them — both or neither, once, whichever process runs it.
 */
export function onboardingNotices(db: Db): OnboardingNotices {
  return {
    remind: (personIds) =>
      db.transaction(async (tx) => {
        const marked = await markReminded(tx, personIds);
        if (marked.length > 0) await enqueueIn(tx, onboardingReminderKind, {}, { people: marked }, 'now');
        return marked.length;
      }),
  };
}

/** The onboarding service bound to the database and the notification queue. */
export function onboardingServiceFor(db: Db, o: { newHireDays: number; urlPolicy?: UrlPolicy; now?: () => Date }) {
  return onboardingService({
    store: onboardingRepo(db),
    notices: onboardingNotices(db),
    newHireDays: o.newHireDays,
    urlPolicy: o.urlPolicy ?? { allowHttpLocalhost: false },
    now: o.now ?? (() => new Date()),
  });
}
