import { plural } from '../plural.js';

const count = plural('en');

export const crisis = {
  navCrisis: 'Crisis',
  crisisBannerTitle: 'One voice: please do not share right now',
  crisisBannerBody: 'Sharing is paused. Read what to say and whom to refer questions to.',
  crisisBannerLink: 'Read the instructions',
  crisisTitle: 'Crisis: one voice',
  crisisIntro: 'While the company speaks with one voice, sharing is paused. Share pages show these instructions instead.',
  crisisOffTitle: 'No crisis right now',
  crisisOffBody: 'Sharing works as usual. If crisis mode is switched on, a notice appears on every page.',
  crisisInstructionsHeading: 'What to do',
  crisisStatement: 'Official statement',
  crisisSpokesperson: (name: string) => `Refer questions to ${name}`,
  crisisSince: (date: string) => `Since ${date}`,
  crisisSharingPaused: 'Sharing is paused during crisis mode.',
  crisisAdminHeading: 'Crisis mode (admins)',
  crisisAdminOffIntro:
    'Switching on pauses sharing for everyone and shows the instructions on every page of Chorus and on share pages.',
  crisisFieldReason: 'Reason (for the audit log; employees do not see it)',
  crisisFieldInstructionsDe: 'Instructions in German (Markdown)',
  crisisFieldInstructionsEn: 'Instructions in English (Markdown)',
  crisisInstructionsHint: 'At least one language; the other falls back to it.',
  crisisFieldStatementUrl: 'Statement URL',
  crisisFieldSpokesperson: 'Spokesperson',
  crisisFieldNotifyEveryone: 'Notify everyone in Teams',
  crisisFieldRedirectLinks: 'Send readers of posted links to the statement',
  crisisSwitchOn: 'Switch crisis mode on',
  crisisSwitchOnTitle: 'Switch crisis mode on?',
  crisisSwitchOnBody: ({ notify, redirect, cardUpdateDays }: { notify: boolean; redirect: boolean; cardUpdateDays: number }) =>
    [
      'Sharing pauses everywhere at once: share pages and share buttons stop working, and every page of the tab shows your instructions.',
      'Announcements wait until crisis mode ends; weekly digests due meanwhile are skipped.',
      notify ? 'Everyone in Teams gets a message with these instructions, before anything else.' : null,
      cardUpdateDays > 0
        ? `Item cards delivered in the last ${count(cardUpdateDays, { one: 'day', other: '# days' })} are updated to show sharing is paused.`
        : null,
      redirect
        ? 'Tracked links already posted lead to the statement instead of the content.'
        : 'Links already posted keep leading to the content: the public is not cut off.',
    ]
      .filter(Boolean)
      .join(' '),
  crisisSwitchOnInvalid: 'Some fields need attention.',
  crisisSwitchedOnToast: 'Crisis mode is on: sharing is paused.',
  crisisOnSince: (date: string) => `On since ${date}`,
  crisisRefusedShares: (n: number) => count(n, { one: '# share refused', other: '# shares refused' }),
  crisisReasonLabel: 'Reason',
  crisisSwitchOff: 'Switch off',
  crisisSwitchOffTitle: 'Switch crisis mode off?',
  crisisSwitchOffBody: (notified: boolean) =>
    [
      'Sharing is back for everyone: the notice disappears and posted links lead to their content again.',
      'Held announcements resume, and paused cards in Teams are restored.',
      notified ? 'Everyone who got the crisis message gets an all-clear.' : null,
    ]
      .filter(Boolean)
      .join(' '),
  crisisKeepOn: 'Keep it on',
  crisisSwitchedOffToast: 'Crisis mode is off: sharing works again.',
  crisisAuditHeading: 'Audit log',
  crisisAuditEmpty: 'Crisis mode has never been switched on.',
  crisisAuditOn: (actor: string) => `Switched on by ${actor}`,
  crisisAuditOff: (actor: string) => `Switched off by ${actor}`,
};
