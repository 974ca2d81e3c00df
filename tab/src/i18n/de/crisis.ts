import type { crisis as english } from '../en/crisis.js';
import { plural } from '../plural.js';

const count = plural('de');


export const crisis: typeof english = {
  navCrisis: 'Krise',
  crisisBannerTitle: 'Eine Stimme: Bitte teilen Sie gerade nichts',
  crisisBannerBody: 'Teilen ist pausiert. Lesen Sie, was Sie sagen können und an wen Sie Fragen weitergeben.',
  crisisBannerLink: 'Hinweise lesen',
  crisisTitle: 'Krise: eine Stimme',
  crisisIntro: 'Solange das Unternehmen mit einer Stimme spricht, ist Teilen pausiert. Teilen-Seiten zeigen stattdessen diese Hinweise.',
  crisisOffTitle: 'Gerade keine Krise',
  crisisOffBody: 'Teilen funktioniert wie gewohnt. Wird der Krisenmodus eingeschaltet, erscheint auf jeder Seite ein Hinweis.',
  crisisInstructionsHeading: 'Was zu tun ist',
  crisisStatement: 'Offizielle Stellungnahme',
  crisisSpokesperson: (name: string) => `Fragen bitte an ${name}`,
  crisisSince: (date: string) => `Seit ${date}`,
  crisisSharingPaused: 'Im Krisenmodus ist Teilen pausiert.',
  crisisAdminHeading: 'Krisenmodus (Admins)',
  crisisAdminOffIntro:
    'Das Einschalten pausiert das Teilen für alle und zeigt die Hinweise auf jeder Seite von Chorus und auf den Teilen-Seiten.',
  crisisFieldReason: 'Grund (für das Protokoll; Mitarbeitende sehen ihn nicht)',
  crisisFieldInstructionsDe: 'Hinweise auf Deutsch (Markdown)',
  crisisFieldInstructionsEn: 'Hinweise auf Englisch (Markdown)',
  crisisInstructionsHint: 'Mindestens eine Sprache; die andere übernimmt sie.',
  crisisFieldStatementUrl: 'URL der Stellungnahme',
  crisisFieldSpokesperson: 'Ansprechperson',
  crisisFieldNotifyEveryone: 'Alle in Teams benachrichtigen',
  crisisFieldRedirectLinks: 'Leser geposteter Links zur Stellungnahme schicken',
  crisisSwitchOn: 'Krisenmodus einschalten',
  crisisSwitchOnTitle: 'Krisenmodus einschalten?',
  crisisSwitchOnBody: ({ notify, redirect, cardUpdateDays }) =>
    [
      'Teilen pausiert sofort überall: Teilen-Seiten und Teilen-Schaltflächen funktionieren nicht mehr, und jede Seite des Tabs zeigt Ihre Hinweise.',
      'Ankündigungen warten, bis der Krisenmodus endet; fällige Wochenüberblicke entfallen.',
      notify ? 'Alle in Teams bekommen vor allem anderen eine Nachricht mit diesen Hinweisen.' : null,
      cardUpdateDays > 0
        ? `Karten zu Inhalten, die ${count(cardUpdateDays, { one: 'am letzten Tag', other: 'in den letzten # Tagen' })} zugestellt wurden, werden aktualisiert und zeigen, dass Teilen pausiert ist.`
        : null,
      redirect
        ? 'Bereits gepostete Tracking-Links führen zur Stellungnahme statt zum Inhalt.'
        : 'Bereits gepostete Links führen weiter zum Inhalt: Die Öffentlichkeit wird nicht ausgesperrt.',
    ]
      .filter(Boolean)
      .join(' '),
  crisisSwitchOnInvalid: 'Einige Felder müssen korrigiert werden.',
  crisisSwitchedOnToast: 'Der Krisenmodus ist an: Teilen ist pausiert.',
  crisisOnSince: (date: string) => `An seit ${date}`,
  crisisRefusedShares: (n: number) => count(n, { one: '# Teilen abgewiesen', other: '#-mal Teilen abgewiesen' }),
  crisisReasonLabel: 'Grund',
  crisisSwitchOff: 'Ausschalten',
  crisisSwitchOffTitle: 'Krisenmodus ausschalten?',
  crisisSwitchOffBody: (notified) =>
    [
      'Teilen funktioniert wieder für alle: Der Hinweis verschwindet, und gepostete Links führen wieder zu ihren Inhalten.',
      'Zurückgehaltene Ankündigungen gehen raus, und pausierte Karten in Teams werden wiederhergestellt.',
      notified ? 'Alle, die die Krisennachricht bekommen haben, erhalten eine Entwarnung.' : null,
    ]
      .filter(Boolean)
      .join(' '),
  crisisKeepOn: 'Eingeschaltet lassen',
  crisisSwitchedOffToast: 'Der Krisenmodus ist aus: Teilen funktioniert wieder.',
  crisisAuditHeading: 'Protokoll',
  crisisAuditEmpty: 'Der Krisenmodus war noch nie eingeschaltet.',
  crisisAuditOn: (actor: string) => `Eingeschaltet von ${actor}`,
  crisisAuditOff: (actor: string) => `Ausgeschaltet von ${actor}`,
};
