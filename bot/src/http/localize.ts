import { acceptedLanguage, type Language } from './contract/common.js';

/**
 * API messages are written once, in English, where they arise (domain rules, schemas,
 * zod itself); the boundary translates them to the caller's language. Unknown text
 * stays English rather than failing.
 */
const EXACT: Record<string, string> = {
  'Some fields are not valid': 'Einige Felder sind nicht gültig',
  'Sign-in required': 'Bitte melden Sie sich an',
  'Only admins can do this': 'Das dürfen nur Admins',
  'Choose a demo person first': 'Wählen Sie zuerst eine Demo-Person',
  'Unknown demo person': 'Unbekannte Demo-Person',
  'Development sign-in works on this computer only': 'Die Entwicklungsanmeldung funktioniert nur auf diesem Rechner',
  'This organisation is not allowed to use Chorus': 'Diese Organisation darf Chorus nicht nutzen',
  'The sign-in token is not valid': 'Das Anmelde-Token ist ungültig',
  'The sign-in token lacks the access_as_user scope': 'Dem Anmelde-Token fehlt der Bereich access_as_user',
  'No such route': 'Diese Adresse gibt es nicht',
  'The request body is too large': 'Die Anfrage ist zu groß',
  'The request body is not valid JSON': 'Die Anfrage ist kein gültiges JSON',
  'The request could not be read': 'Die Anfrage konnte nicht gelesen werden',
  'Send the body as application/json': 'Senden Sie die Daten als application/json',
  'Something went wrong on our side': 'Bei uns ist etwas schiefgelaufen',
  'This bot endpoint accepts local calls only until an app id is configured':
    'Ohne App-ID nimmt dieser Bot-Endpunkt nur lokale Aufrufe an',
  'must be after the publish time': 'muss nach dem Veröffentlichungszeitpunkt liegen',
  'is not a valid page cursor': 'ist keine gültige Seitenmarke',
  'The item would expire before it is published': 'Der Beitrag würde ablaufen, bevor er erscheint',
  'is required': 'ist erforderlich',
  'is required: one or two sentences on why this is worth sharing': 'ist erforderlich: ein, zwei Sätze, warum sich das Teilen lohnt',
  'is not a known field': 'ist kein bekanntes Feld',
  'is not a valid URL': 'ist keine gültige URL',
  'must start with https://': 'muss mit https:// beginnen',
  'must not contain a user name or password': 'darf keinen Benutzernamen und kein Passwort enthalten',
  'must be in the future': 'muss in der Zukunft liegen',
  'must be before the expiry time': 'muss vor dem Ablaufdatum liegen',
  'must be an ISO date-time with time zone': 'muss ein ISO-Zeitpunkt mit Zeitzone sein',
  'letters, digits and _ only': 'nur Buchstaben, Ziffern und _',
  'unknown network': 'unbekanntes Netzwerk',
  'Only published or scheduled items can be announced': 'Ankündigen lassen sich nur veröffentlichte oder geplante Beiträge',
  'This item has already been announced': 'Dieser Beitrag wurde bereits angekündigt',
  'This announcement has already been sent completely': 'Diese Ankündigung ist bereits vollständig verschickt',
  'must not be in the past': 'darf nicht in der Vergangenheit liegen',
  'must not be before the item is published': 'darf nicht vor der Veröffentlichung liegen',
  'must be before the item expires': 'muss vor dem Ablauf des Beitrags liegen',
  'This training has been cancelled': 'Diese Schulung wurde abgesagt',
  'This training has already started': 'Diese Schulung hat bereits begonnen',
  'This training has already been announced': 'Diese Schulung wurde bereits angekündigt',
  'must be before the training starts': 'muss vor Beginn der Schulung liegen',
  'Attendance can be recorded once the training has started': 'Die Teilnahme lässt sich erst ab Beginn der Schulung erfassen',
  'must be after the start': 'muss nach dem Beginn liegen',
  'at least 2 characters': 'mindestens 2 Zeichen',
  'names someone twice': 'nennt jemanden doppelt',
  'is required: a meeting link or a room': 'ist erforderlich: ein Besprechungslink oder ein Raum',
  'is not a known time zone': 'ist keine bekannte Zeitzone',
  'must be a number': 'muss eine Zahl sein',
  'must be a whole number': 'muss eine ganze Zahl sein',
  'must be at least 1': 'muss mindestens 1 sein',
  'at most 10000': 'höchstens 10000',
  'No suggested text yet: people share more when they get a starting sentence':
    'Noch kein Textvorschlag: Mit einem ersten Satz teilen Menschen deutlich öfter',
  'is required when the title is written': 'ist erforderlich, wenn ein Titel geschrieben ist',
  'is required when the text is written': 'ist erforderlich, wenn ein Text geschrieben ist',
  'is required: a title and text in German or English (or both)': 'ist erforderlich: Titel und Text auf Deutsch oder Englisch (oder beides)',
  'lower-case letters, digits and single hyphens only': 'nur Kleinbuchstaben, Ziffern und einzelne Bindestriche',
  'must differ from the version compared with': 'muss sich von der verglichenen Version unterscheiden',
  'A guideline page with this slug exists already': 'Eine Richtlinienseite mit diesem Kürzel gibt es schon',
  'Someone saved a newer version meanwhile: reload and edit that one':
    'Inzwischen hat jemand eine neuere Version gespeichert: Laden Sie neu und bearbeiten Sie diese',
  'A newer version exists: read that one first': 'Es gibt eine neuere Version: Lesen Sie zuerst diese',
  'Compressed request bodies are not accepted: send them uncompressed': 'Komprimierte Anfragen werden nicht angenommen: Senden Sie sie unkomprimiert',
  'must not contain a NUL character': 'darf kein NUL-Zeichen enthalten',
  'is not valid text (it holds half a character)': 'ist kein gültiger Text (enthält ein halbes Zeichen)',
  'must not contain control characters or line breaks': 'darf keine Steuerzeichen oder Zeilenumbrüche enthalten',
  'is not an invoke Chorus answers': 'ist kein Aufruf, den Chorus beantwortet',
  'must carry a card action': 'muss eine Kartenaktion enthalten',
};

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^(\w+) not found$/, (m) => `${NOUNS[m[1] as string] ?? m[1]} nicht gefunden`],
  [/^at most (\d+) characters$/, (m) => `höchstens ${m[1]} Zeichen`],
  [/^at most (\d+) (topics|hashtags)$/, (m) => `höchstens ${m[1]} ${m[2] === 'topics' ? 'Themen' : 'Hashtags'}`],
  [/^unknown topic: (.+)$/, (m) => `unbekanntes Thema: ${m[1]}`],
  [/^must be at least (\d+): that many people are registered$/, (m) => `muss mindestens ${m[1]} sein: so viele sind angemeldet`],
  [/^(\d+) of them are not registered for this training$/, (m) => `${m[1]} davon sind nicht für diese Schulung angemeldet`],
  [
    /^too long for X: (\d+) of (\d+) characters/,
    (m) => `zu lang für X: ${m[1]} von ${m[2]} Zeichen (der Link zählt als 23, Hashtags eingerechnet)`,
  ],
  [
    /^LinkedIn shows about (\d+) characters before "see more"/,
    (m) => `LinkedIn zeigt etwa ${m[1]} Zeichen vor „mehr anzeigen“: Das Wichtigste an den Anfang`,
  ],
  // zod's own messages
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => `Ungültige Eingabe: erwartet ${m[1]}, erhalten ${m[2]}`],
  [/^Invalid option: expected one of (.+)$/, (m) => `Ungültige Auswahl: erlaubt sind ${m[1]}`],
  [/^Too big: expected (?:string|array) to have <=?(\d+) (?:characters|items)$/, (m) => `zu lang: höchstens ${m[1]}`],
  [/^Too small: expected (?:string|array) to have >=?(\d+) (?:characters|items)$/, (m) => `zu kurz: mindestens ${m[1]}`],
  [/^Too big: expected number to be <=?(\d+)$/, (m) => `zu groß: höchstens ${m[1]}`],
  [/^Too small: expected number to be >=?(\d+)$/, (m) => `zu klein: mindestens ${m[1]}`],
];

const NOUNS: Record<string, string> = { Item: 'Beitrag', Route: 'Adresse', File: 'Datei', Link: 'Link', Announcement: 'Ankündigung', Training: 'Schulung', Guideline: 'Richtlinie', Version: 'Version' };

export function localize(text: string, lang: Language): string {
  if (lang === 'en') return text;
  const exact = EXACT[text];
  if (exact) return exact;
  for (const [pattern, render] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return render(m);
  }
  return text;
}

export function localizeFields(fields: Record<string, string>, lang: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, localize(v, lang)]));
}

/** The language to answer in: the tab's UI language (Accept-Language), else the person's. */
export function requestLanguage(acceptLanguage: string | undefined, fallback: Language): Language {
  return acceptedLanguage(acceptLanguage) ?? fallback;
}
