import { conflict, invalid, notFound } from '../../domain/errors.js';
import { inLanguage, readingLanguage, sameContent } from '../../domain/guidelines/guideline-rules.js';
import { textDiff } from '../../domain/guidelines/text-diff.js';
import { guidelinesRepo, type ReaderGuideline } from '../../storage/repos/guidelines.js';
import type { Language } from '../../domain/model/common.js';
import type { Guideline, GuidelineDiff, GuidelineVersion } from '../../domain/model/guidelines.js';
import { guidelineEndpoints as endpoints } from '../contract/endpoints/guidelines.js';
import type { HttpContext } from '../context.js';
import { markdownToHtml } from '../../domain/text/markdown-policy.js';
import type { Route } from '../serve.js';

/** The current version in the reader's language, rendered; what changed since they last read it. */
function readerView({ page, acknowledgedVersion, acknowledgedAt }: ReaderGuideline, lang: Language, read?: GuidelineVersion): Guideline {
  const v = page.current;
  const reading = readingLanguage(v.body, lang);
  const note = inLanguage(v.changeNote, reading);
  return {
    id: page.id,
    slug: page.slug,
    version: v.version,
    title: inLanguage(v.title, reading),
    html: markdownToHtml(v.body[reading]),
    updatedAt: v.createdAt,
    changeNote: note || null,
    acknowledgedVersion,
    acknowledgedAt,
    changesSinceRead: read ? textDiff(inLanguage(read.body, reading), v.body[reading]) : null,
  };
}

/**
 * Guidelines: everyone reads the current version and may acknowledge it (nobody else ever
 * sees who did: person.progress.read); editors write new versions and compare any two.
 */
export function guidelineRoutes(route: Route, ctx: HttpContext): void {
  const guidelines = guidelinesRepo(ctx.db);

  const readerPages = async (personId: string, lang: Language): Promise<Guideline[]> => {
    const pages = await guidelines.forReader(personId);
    return Promise.all(
      pages.map(async (p) => {
        const outdated = p.acknowledgedVersion !== null && p.acknowledgedVersion < p.page.current.version;
        const read = outdated ? await guidelines.version(p.page.id, p.acknowledgedVersion as number) : undefined;
        return readerView(p, lang, read);
      }),
    );
  };

  route(endpoints.guidelines, async ({ who, lang }) => ({ items: await readerPages(who.id, lang) }));

  /** "I have read this": optional, harmless twice, and only for the current version. */
  route(endpoints.acknowledgeGuideline, async ({ who, params, body, lang }) => {
    const outcome = await guidelines.acknowledge(who.id, params.id, body.version);
    if (outcome === 'unknown') throw notFound('Guideline');
    if (outcome === 'outdated') throw conflict('guideline.newerExists');
    const page = (await readerPages(who.id, lang)).find((p) => p.id === params.id);
    if (!page) throw notFound('Guideline');
    return page;
  });

  route(endpoints.adminGuidelines, async ({ query }) => guidelines.list(query));

  route(endpoints.createGuideline, async ({ who, body }) => {
    const { slug, ...input } = body;
    return guidelines.create(slug, input, who.id);
  });

  route(endpoints.adminGuideline, async ({ params }) => {
    const page = await guidelines.get(params.id);
    if (!page) throw notFound('Guideline');
    return page;
  });

  /** A new version; a save that changes no title or text keeps the current one (200, `created: false`). */
  route(endpoints.saveGuideline, async ({ who, params, body }) => {
    const { baseVersion, ...input } = body;
    const saved = await guidelines.save(params.id, baseVersion, input, who.id, (current) => sameContent(current, input));
    if (!saved) throw notFound('Guideline');
    return { ...saved.page, created: saved.created };
  });

  route(endpoints.guidelineVersions, async ({ params, query }) => {
    if (!(await guidelines.get(params.id))) throw notFound('Guideline');
    return guidelines.history(params.id, query);
  });

  route(endpoints.guidelineVersion, async ({ params }) => {
    const version = await guidelines.version(params.id, params.version);
    if (!version) throw notFound('Version');
    return version;
  });

  /** Word diffs of title and text, per language, from one version to another (either order). */
  route(endpoints.guidelineDiff, async ({ params }) => {
    if (params.from === params.to) throw invalid({ to: 'guideline.diffSame' });
    const [from, to] = await Promise.all([guidelines.version(params.id, params.from), guidelines.version(params.id, params.to)]);
    if (!from || !to) throw notFound('Version');
    const diff: GuidelineDiff = {
      from: from.version,
      to: to.version,
      title: { de: textDiff(from.title.de, to.title.de), en: textDiff(from.title.en, to.title.en) },
      body: { de: textDiff(from.body.de, to.body.de), en: textDiff(from.body.en, to.body.en) },
    };
    return diff;
  });
}
