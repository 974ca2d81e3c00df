import type { Language } from '@contract';

export const common = {
  /** The dictionary's own language (for words made elsewhere, such as the API's messages). */
  lang: 'en' as Language,
  appName: 'Chorus',
  navLabel: 'Pages',
  navShare: 'Share',
  navImpact: 'My impact',
  navAdminItems: 'Admin · Items',
  navAdminEdit: 'Admin · Edit item',
  navAdminAnnouncements: 'Admin · Announcements',
  loading: 'Loading …',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  networkError: 'Chorus cannot be reached right now. Check your connection and try again.',
  forbidden: 'Only admins can do this',
  notFoundTitle: 'This page does not exist',
  notFoundBody: 'The address may be incomplete. The Share page lists everything you can share.',
  goToShare: 'Go to the Share page',

  personLabel: 'Demo person',
  personPlaceholder: 'Choose a person',
  signInTitle: 'Who are you today?',
  signInBody: 'This is Chorus without Microsoft Teams. Choose a demo person to see the app as they do.',
  signInUnavailable: 'Sign-in works inside Microsoft Teams. Open Chorus from the Teams app bar.',
  roleAdmin: 'admin',
  newHire: 'new here',
  themeLabel: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeContrast: 'High contrast',
  languageLabel: 'Language',
  languageNames: { de: 'Deutsch', en: 'English' } as Record<Language, string>,
  privacy: 'Privacy',
  terms: 'Terms of use',

  close: 'Close',

  privacyTitle: 'Privacy',
  privacyBody: [
    'Chorus stores what it needs to help you share: your name, department, location and language from the company directory, your settings, and which items you shared on which network and when.',
    'When someone opens a link you shared, Chorus counts the click: the time, the network and the item. It stores no IP address, sets no cookie and does not follow readers anywhere.',
    'To count unique readers (someone who opens your link three times on one day is one reader), Chorus mixes the reader\'s address and browser name with a random key of that day into a code (an HMAC) within a tenth of a second of the link being opened, and keeps only that code — the address itself is never written anywhere. Each day has its own key; within the hour after the day ends, the key and the codes are deleted and only the number of readers remains. From then on nobody — not even someone with the database — can find out whether a given address opened your link. A database backup taken during a day holds that day\'s key and codes until the backup itself is deleted.',
    'Chorus does not read your social-media accounts and does not monitor what you post. Your numbers are shown only to you.',
    'Questions: ask the content team, the works council or the data-protection officer.',
  ],
  termsTitle: 'Terms of use',
  termsBody: [
    'Sharing is voluntary. Nobody has to share anything, and not sharing has no consequences.',
    'Your social-media accounts are yours. You decide what you post and may change the suggested text into your own words.',
    'Please follow the social-media guidelines: no confidential information, and be clear that you work here when you post about the company.',
  ],
};
