import type { MyRegistration, Training } from '../domain/model/trainings.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement, type Refresh } from './adaptive-card.js';
import { execute, openUrl, plain, run, text, facts } from './card-parts.js';
import { formatNumber, type Locale } from './locale.js';
import { VERBS } from './verbs.js';

/** Why the card came: an announcement, or news about one's own registration. */
export type TrainingNotice = 'announce' | 'seat' | 'cancelled' | 'changed' | 'reminder_24h' | 'reminder_1h';

export interface TrainingCardModel {
  trainingId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  host: string;
  language: Locale;
  meetingUrl: string | null;
  room: string | null;
  materialsUrl: string | null;
  capacity: number;
  seatsLeft: number;
  status: 'scheduled' | 'cancelled';
  /** Registration is closed once it has started. */
  started: boolean;
  mine: MyRegistration;
  notice: TrainingNotice;
  /** The tab's Trainings page (calendar file, my sessions). */
  tabUrl: string;
  recipientUserId?: string;
}

const en = {
  seat: 'A seat became free: you are registered ✓',
  cancelledNotice: 'This training has been cancelled. Sorry for the change of plans.',
  changed: 'This training has changed: please check the time and place below.',
  reminder_24h: 'Reminder: your training is coming up',
  reminder_1h: 'Reminder: your training starts in an hour',
  host: 'Host',
  where: 'Where',
  online: 'Online',
  language: 'Language',
  languages: { de: 'German', en: 'English' },
  seatsLeft: (n: number, of: number, f: (x: number) => string) => (n === 1 ? `1 of ${f(of)} seats left` : `${f(n)} of ${f(of)} seats left`),
  full: 'Fully booked: join the waitlist and you get the next free seat.',
  registered: 'You are registered ✓',
  waitlisted: (position: number) => `You are number ${position} on the waitlist.`,
  register: 'Register',
  joinWaitlist: 'Join the waitlist',
  unregister: 'Cancel registration',
  leaveWaitlist: 'Leave the waitlist',
  join: 'Join the meeting',
  materials: 'Materials',
  started: 'This training has started; registration is closed.',
  cancelled: 'Cancelled',
  open: 'All trainings',
};

const TEXT: Record<Locale, typeof en> = {
  en,
  de: {
    seat: 'Ein Platz ist frei geworden: Sie sind angemeldet ✓',
    cancelledNotice: 'Diese Schulung wurde abgesagt. Entschuldigen Sie die Planänderung.',
    changed: 'Diese Schulung hat sich geändert: Bitte prüfen Sie Zeit und Ort unten.',
    reminder_24h: 'Erinnerung: Ihre Schulung steht bevor',
    reminder_1h: 'Erinnerung: Ihre Schulung beginnt in einer Stunde',
    host: 'Leitung',
    where: 'Ort',
    online: 'Online',
    language: 'Sprache',
    languages: { de: 'Deutsch', en: 'Englisch' },
    seatsLeft: (n, of, f) => (n === 1 ? `1 von ${f(of)} Plätzen frei` : `${f(n)} von ${f(of)} Plätzen frei`),
    full: 'Ausgebucht: Setzen Sie sich auf die Warteliste, dann bekommen Sie den nächsten freien Platz.',
    registered: 'Sie sind angemeldet ✓',
    waitlisted: (position) => `Sie sind Nummer ${position} auf der Warteliste.`,
    register: 'Anmelden',
    joinWaitlist: 'Auf die Warteliste',
    unregister: 'Abmelden',
    leaveWaitlist: 'Warteliste verlassen',
    join: 'Zum Meeting',
    materials: 'Unterlagen',
    started: 'Diese Schulung hat begonnen; die Anmeldung ist geschlossen.',
    cancelled: 'Abgesagt',
    open: 'Alle Schulungen',
  },
};

export const trainingTexts = TEXT;

/**
 * Date and time as Adaptive Card functions: Teams shows them in the reader's own locale and
 * time zone, whatever zone the session was planned in. The instant must be UTC ("…Z")
 * without fractions, as the function expects.
 */
export function cardWhen(startsAt: string, endsAt: string): string {
  const z = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${z(startsAt)}, LONG)}}, {{TIME(${z(startsAt)})}}–{{TIME(${z(endsAt)})}}`;
}

/** A start as Adaptive Card functions, for lists (the digest). */
export function cardStart(startsAt: string): string {
  const z = new Date(startsAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${z}, LONG)}}, {{TIME(${z})}}`;
}

/** One training as this person should see it now; Register / Cancel update it in place. */
export function trainingCard(vm: TrainingCardModel, locale: Locale): AdaptiveCard {
  const t = TEXT[locale];
  const f = (n: number) => formatNumber(n, locale);
  const data = { trainingId: vm.trainingId };
  const refresh: Refresh | undefined = vm.recipientUserId
    ? { action: { type: 'Action.Execute', verb: VERBS.trainingRefresh, data }, userIds: [vm.recipientUserId] }
    : undefined;
  const body: CardElement[] = [];
  const headline =
    vm.status === 'cancelled' ? t.cancelledNotice
    : vm.notice === 'seat' && vm.mine.status === 'registered' ? t.seat
    : vm.notice === 'changed' ? t.changed
    : vm.notice === 'reminder_24h' ? t.reminder_24h
    : vm.notice === 'reminder_1h' ? t.reminder_1h
    : undefined;
  if (headline) body.push(text(headline, { weight: 'bolder', color: vm.status === 'cancelled' ? 'attention' : 'good' }));
  body.push(plain(run(vm.title, { size: 'medium', weight: 'bolder' })));
  body.push(text(cardWhen(vm.startsAt, vm.endsAt), { weight: 'bolder', spacing: 'small' }));
  if (vm.description) body.push(plain(run(vm.description), { spacing: 'small' }));
  // Host and room are the admins' words: runs, not a FactSet (Teams reads fact values as Markdown).
  body.push(
    ...facts([
      [t.host, vm.host],
      [t.where, [vm.room, vm.meetingUrl ? t.online : null].filter(Boolean).join(' · ')],
      [t.language, t.languages[vm.language]],
    ]),
  );

  const actions: CardAction[] = [];
  if (vm.status === 'cancelled') {
    body.push(text(t.cancelled, { color: 'attention', weight: 'bolder' }));
  } else if (vm.started) {
    body.push(text(t.started, { isSubtle: true }));
  } else {
    const full = vm.seatsLeft === 0;
    if (vm.mine.status === 'registered') body.push(text(t.registered, { color: 'good', weight: 'bolder' }));
    else if (vm.mine.status === 'waitlisted') body.push(text(t.waitlisted(vm.mine.position), { color: 'warning' }));
    else body.push(text(full ? t.full : t.seatsLeft(vm.seatsLeft, vm.capacity, f), { isSubtle: !full }));
    if (vm.mine.status === 'registered') actions.push(execute(VERBS.trainingUnregister, t.unregister, data));
    else if (vm.mine.status === 'waitlisted') actions.push(execute(VERBS.trainingUnregister, t.leaveWaitlist, data));
    else actions.push(execute(VERBS.trainingRegister, full ? t.joinWaitlist : t.register, data));
  }
  if (vm.status === 'scheduled' && vm.mine.status === 'registered' && vm.meetingUrl) actions.push(openUrl(t.join, vm.meetingUrl));
  if (vm.materialsUrl) actions.push(openUrl(t.materials, vm.materialsUrl));
  actions.push(openUrl(t.open, vm.tabUrl));
  return adaptiveCard({ body, actions, refresh });
}

/** The card's model for a training as the API returns it for its reader. */
export function trainingCardModel(
  t: Training,
  o: { notice: TrainingNotice; tabUrl: string; recipientUserId?: string | undefined; now?: Date },
): TrainingCardModel {
  return {
    trainingId: t.id,
    title: t.title,
    description: t.description,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    host: t.host,
    language: t.language,
    meetingUrl: t.meetingUrl,
    room: t.room,
    materialsUrl: t.materialsUrl,
    capacity: t.capacity,
    seatsLeft: t.seatsLeft,
    status: t.status,
    started: Date.parse(t.startsAt) <= (o.now ?? new Date()).getTime(),
    mine: t.mine,
    notice: o.notice,
    tabUrl: o.tabUrl,
    ...(o.recipientUserId ? { recipientUserId: o.recipientUserId } : {}),
  };
}
