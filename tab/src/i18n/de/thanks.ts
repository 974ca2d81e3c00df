import type { thanks as english } from '../en/thanks.js';

export const thanks: typeof english = {
  thanksHeading: 'Danke',
  thanksIntro: 'Dankeschöns vom Content-Team, die Kolleginnen und Kollegen zeigen möchten.',
  thanksEmpty: 'Noch keine Dankeschöns gezeigt.',
  myThanksHeading: 'Dankeschöns für Sie',
  myThanksPrivate: 'Nur Sie sehen diese. Wenn Sie möchten, zeigen Sie eines hier Ihren Kolleginnen und Kollegen; Sie können es jederzeit wieder verbergen.',
  showThanks: 'Kolleginnen und Kollegen zeigen',
  thanksShown: 'Für Ihre Kolleginnen und Kollegen sichtbar.',
  thanksHidden: 'Jetzt sehen nur Sie es.',
  sayThanks: 'Danke sagen',
  sayThanksTo: (name) => `${name} danken`,
  thanksMessage: 'Ihre Worte',
  thanksMessageHint: 'Sie kommen als persönliche Karte in Teams an, genau so, wie Sie sie schreiben. Bis zu 500 Zeichen.',
  sendThanks: 'Senden',
  thanksCancel: 'Abbrechen',
  thanksSent: 'Ihr Dankeschön ist unterwegs.',
  thanksInvalid: 'Bitte prüfen Sie Ihre Nachricht.',
};
