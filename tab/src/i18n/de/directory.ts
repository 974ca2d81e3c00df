import type { directory as english } from '../en/directory.js';
import { plural } from '../plural.js';

const count = plural('de');

export const directory: typeof english = {
  navAdminDirectory: 'Verwaltung · Verzeichnis',
  directoryTitle: 'Verzeichnis',
  directoryIntro:
    'Chorus hält seine Personen mit dem Firmenverzeichnis (Microsoft Entra ID) in Einklang: Namen, Abteilungen, Standorte, Sprachen und Eintrittsdaten; neue Kolleginnen und Kollegen kommen dazu, wer gegangen ist, fällt aus jeder Zielgruppe.',
  directorySyncNow: 'Jetzt synchronisieren',
  directorySyncing: 'Synchronisiert …',
  directoryRunningSince: (time: string) => `Eine Synchronisierung läuft (begonnen ${time}).`,
  directoryNotConfiguredTitle: 'Die Verzeichnis-Synchronisierung ist nicht eingerichtet',
  directoryNotConfiguredBody: 'Chorus liest das Verzeichnis mit seiner eigenen App über Microsoft Graph. Dafür braucht es:',
  directoryNeedsApp:
    'die App-Registrierung des Bots: MicrosoftAppId mit einem geheimen Clientschlüssel (MicrosoftAppPassword) und den Mandanten (MicrosoftAppTenantId) oder, in Azure App Service, die verwaltete Identität der App;',
  directoryNeedsPermission: 'die Microsoft-Graph-Anwendungsberechtigung User.Read.All mit Administratorzustimmung für die Organisation.',
  directoryNeedsReadme: 'Die README beschreibt die Schritte unter „Directory sync“. Bis dahin kennt Chorus Personen nur aus Teams.',
  directoryLastHeading: 'Letzte Synchronisierung',
  directoryNotRunYet: 'Noch nicht gelaufen',
  directoryNotRunYetBody: 'Noch keine Synchronisierung ist abgeschlossen.',
  directoryFinished: 'Beendet',
  directoryKind: 'Art',
  directoryKindFull: 'Vollständig: das ganze Verzeichnis wurde gelesen',
  directoryKindDelta: 'Nur Änderungen seit der Runde davor',
  directoryLastFull: 'Letzte vollständige Synchronisierung',
  directoryNever: 'Nie',
  directoryStatus: 'Status',
  directoryStatusOk: 'OK',
  directoryStatusError: 'Fehlgeschlagen',
  directoryError: 'Fehler',
  directoryPeopleHeading: 'Personen',
  directoryPeopleTotal: 'Chorus bekannt',
  directoryPeopleTotalHint: 'die nicht gegangen sind',
  directoryPeopleFromDirectory: 'Aus dem Verzeichnis',
  directoryPeopleLeft: 'Gegangen',
  directoryChangesHeading: 'Änderungen der letzten Runde',
  directoryCreated: 'Angelegt',
  directoryUpdated: 'Geändert',
  directoryLeftCount: 'Gegangen',
  directorySkipped: 'Übersprungen',
  directorySkippedHint: 'Einträge, die keine gültige Person waren',
  directoryRead: (entries: number, pages: number) =>
    `${count(entries, { one: '# Verzeichniseintrag', other: '# Verzeichniseinträge' })} gelesen, ${count(pages, { one: 'auf # Seite', other: 'auf # Seiten' })}.`,
  directoryScheduleHeading: 'Zeitplan',
  directoryWhen: 'Runden laufen',
  directoryEvery: (minutes: number) => (minutes === 1 ? 'Jede Minute und mit „Jetzt synchronisieren“' : `Alle ${minutes} Minuten und mit „Jetzt synchronisieren“`),
  directoryOnDemand: 'Nur auf Anforderung, mit „Jetzt synchronisieren“',
  directoryScheduleNone: 'Keiner, bis die Synchronisierung eingerichtet ist',
  directoryScope: 'Wer synchronisiert wird',
  directoryGroup: (id: string) => `Mitglieder der Gruppe ${id} (jede Runde liest alle)`,
  directoryWholeDirectory: 'Das ganze Verzeichnis',
  directoryOutcomeOk: (created: string, updated: string, left: string, skipped: string) =>
    `Synchronisierung beendet: ${created} angelegt, ${updated} geändert, ${left} gegangen, ${skipped} übersprungen.`,
  directoryOutcomeError: (error: string) => `Die Synchronisierung ist fehlgeschlagen: ${error}`,
  directoryOutcomeNotStarted: 'Keine Runde hat begonnen. Das Server-Log nennt den Grund.',
  directoryCouldNotStart: 'Die Synchronisierung hat nicht begonnen',
};
