import type { Db } from './db.js';
import { guidelinesRepo, type GuidelineSave } from './repos/guidelines.js';

type StarterPage = { slug: string } & Omit<GuidelineSave, 'changeNote' | 'position'>;

/**
 * A starter set of social-media guidelines that a company can adapt: short, practical,
 * in German and English. Contoso's names and addresses are placeholders to replace.
 */
const PAGES: StarterPage[] = [
  {
    slug: 'dos-and-donts',
    title: { de: 'Was Sie tun können – und was besser nicht', en: "Do's and don'ts" },
    body: {
      de: `Teilen ist freiwillig. Wenn Sie teilen, helfen diese Punkte.

**Gern:**

- Teilen Sie, was öffentlich ist: Beiträge, Stellenanzeigen und Veranstaltungen aus Chorus.
- Schreiben Sie einen Satz in Ihren eigenen Worten dazu: Warum finden Sie das interessant?
- Machen Sie deutlich, dass Sie bei Contoso arbeiten (im Profil oder im Beitrag).
- Bleiben Sie freundlich, auch wenn jemand kritisch kommentiert.

**Besser nicht:**

- Keine internen Informationen, Zahlen oder Fotos aus dem Büro, auf denen Bildschirme, Whiteboards oder Kolleginnen und Kollegen ohne deren Einverständnis zu sehen sind.
- Nicht für das Unternehmen sprechen: Ihre Meinung ist Ihre Meinung.
- Nicht über Kundinnen, Kunden oder Wettbewerber urteilen.
- Nicht auf Angriffe reagieren – melden Sie sie der Kommunikationsabteilung.`,
      en: `Sharing is voluntary. If you share, these points help.

**Do:**

- Share what is public: articles, job ads and events from Chorus.
- Add a sentence in your own words: why do you find it interesting?
- Make clear that you work at Contoso (in your profile or in the post).
- Stay friendly, even when someone comments critically.

**Don't:**

- No internal information, figures, or office photos showing screens, whiteboards, or colleagues who have not agreed.
- Don't speak for the company: your opinion is your opinion.
- Don't judge customers or competitors.
- Don't respond to attacks — pass them on to the communications team.`,
    },
  },
  {
    slug: 'confidential-information',
    title: { de: 'Vertrauliche Informationen', en: 'Confidential information' },
    body: {
      de: `Vertraulich ist alles, was das Unternehmen nicht selbst veröffentlicht hat. Im Zweifel gilt: nicht posten.

- Umsatz, Zahlen, Preise und Verträge, bevor sie offiziell bekannt sind
- Namen von Kundinnen und Kunden, Projekten und Partnern, sofern diese nicht öffentlich genannt werden
- Produkte und Funktionen, die noch nicht angekündigt sind
- Personalien: Einstellungen, Abgänge, Reorganisationen
- Alles, was in internen Chats, Meetings oder E-Mails steht

Auch ein Foto kann vertraulich sein: Achten Sie auf Bildschirme, Whiteboards und Dokumente im Hintergrund.`,
      en: `Confidential means everything the company has not published itself. When in doubt: don't post it.

- Revenue, figures, prices and contracts before they are officially announced
- Names of customers, projects and partners unless they are named publicly
- Products and features that have not been announced
- People matters: hires, departures, reorganisations
- Anything from internal chats, meetings or emails

A photo can be confidential too: check for screens, whiteboards and documents in the background.`,
    },
  },
  {
    slug: 'talking-about-work',
    title: { de: 'Über die eigene Arbeit sprechen', en: 'How to talk about your work' },
    body: {
      de: `Ihre Sicht auf die Arbeit ist das, was Beiträge glaubwürdig macht.

- Erzählen Sie, was Sie selbst erlebt oder gelernt haben – konkret und ehrlich.
- Nennen Sie Ihre Rolle, damit andere den Zusammenhang verstehen.
- Kennzeichnen Sie Ihre Meinung als Ihre: „Ich finde …“ statt „Contoso findet …“.
- Loben Sie Kolleginnen und Kollegen gern, aber markieren Sie sie nur, wenn sie einverstanden sind.
- Bei Stellenanzeigen: Sagen Sie, was Ihnen an der Arbeit hier gefällt.`,
      en: `Your own view of your work is what makes a post credible.

- Tell what you experienced or learned yourself — concretely and honestly.
- Mention your role so readers understand the context.
- Mark your opinion as yours: "I think …" rather than "Contoso thinks …".
- Praise colleagues, but tag them only if they agree.
- For job ads: say what you like about working here.`,
    },
  },
  {
    slug: 'when-unsure',
    title: { de: 'Wenn Sie unsicher sind', en: 'When you are unsure' },
    body: {
      de: `Fragen ist immer richtig – niemand erwartet, dass Sie alles wissen.

1. Nicht posten, solange Sie unsicher sind. Ein Beitrag später schadet nie.
2. Fragen Sie Ihre Führungskraft oder die Kommunikationsabteilung (siehe „Kontakte“).
3. Haben Sie etwas gepostet, das nicht hätte raus sollen? Löschen Sie es und sagen Sie uns Bescheid. Fehler passieren; wichtig ist, dass wir schnell reagieren.
4. Presseanfragen und kritische Nachfragen beantworten Sie nicht selbst: Leiten Sie sie an die Pressestelle weiter.`,
      en: `Asking is always right — nobody expects you to know everything.

1. Don't post while you are unsure. Posting later never hurts.
2. Ask your manager or the communications team (see "Contacts").
3. Posted something that should not have gone out? Delete it and let us know. Mistakes happen; what matters is that we react quickly.
4. Don't answer press enquiries or critical questions yourself: pass them on to the press office.`,
    },
  },
  {
    slug: 'contacts',
    title: { de: 'Kontakte', en: 'Contacts' },
    body: {
      de: `- **Kommunikation und Social Media:** [social@contoso.example](mailto:social@contoso.example)
- **Pressestelle** (Anfragen von Journalistinnen und Journalisten): [presse@contoso.example](mailto:presse@contoso.example)
- **Datenschutz:** [datenschutz@contoso.example](mailto:datenschutz@contoso.example)
- **Betriebsrat:** [betriebsrat@contoso.example](mailto:betriebsrat@contoso.example)

Mehr zu unseren Kanälen: [contoso.example/social](https://www.contoso.example/social)`,
      en: `- **Communications and social media:** [social@contoso.example](mailto:social@contoso.example)
- **Press office** (enquiries from journalists): [press@contoso.example](mailto:press@contoso.example)
- **Data protection:** [privacy@contoso.example](mailto:privacy@contoso.example)
- **Works council:** [workscouncil@contoso.example](mailto:workscouncil@contoso.example)

More about our channels: [contoso.example/social](https://www.contoso.example/social)`,
    },
  },
];

/** The starter guidelines, written by `authorId` (an admin), one version each. */
export async function seedGuidelines(db: Db, authorId: string): Promise<void> {
  const guidelines = guidelinesRepo(db);
  for (const [index, { slug, ...page }] of PAGES.entries()) {
    await guidelines.create(
      slug,
      { ...page, position: index + 1, changeNote: { de: 'Erste Fassung', en: 'First version' } },
      authorId,
    );
  }
}
