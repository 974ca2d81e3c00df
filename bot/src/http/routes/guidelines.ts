import type { Request, Server } from 'restify';
import { conflict, invalid, notFound } from '../../domain/errors.js';
import { inLanguage, readingLanguage, sameContent } from '../../domain/guidelines/guideline-rules.js';
import { textDiff } from '../../domain/guidelines/text-diff.js';
import { guidelinesRepo, type ReaderGuideline } from '../../storage/repos/guidelines.js';
import type { Language } from '../contract/common.js';
import {
  guidelineAcknowledgeSchema,
  guidelineCreateSchema,
  guidelineUpdateSchema,
  type Guideline,
  type GuidelineDiff,
  type GuidelineVersion,
} from '../contract/guidelines.js';
import type { HttpContext } from '../context.js';
import { requestLanguage } from '../localize.js';
import { markdownToHtml } from '../../domain/text/markdown-policy.js';
import { admin, parse, user, UUID } from '../request.js';

function pageId(raw: unknown): string {
  const id = String(raw);
  if (!UUID.test(id)) throw notFound('Guideline');
  return id;
}

function versionNumber(raw: unknown): number {
  const text = String(raw);
  const n = Number(text);
  if (!/^\d{1,9}$/.test(text) || n < 1) throw notFound('Version');
  return n;
}

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
 * sees who did); admins write new versions and compare any two.
 */
export function guidelineRoutes(server: Server, ctx: HttpContext): void {
  const guidelines = guidelinesRepo(ctx.db);
  const language = (req: Request, fallback: Language) => requestLanguage(req.header('accept-language'), fallback);

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

  server.get('/api/v1/guidelines', async (req, res) => {
    const who = await user(ctx.auth, req);
    res.send(200, { items: await readerPages(who.id, language(req, who.language)) });
  });

  /** "I have read this": optional, harmless twice, and only for the current version. */
  server.post('/api/v1/guidelines/:id/acknowledge', async (req, res) => {
    const who = await user(ctx.auth, req);
    const id = pageId(req.params.id);
    const { version } = parse(guidelineAcknowledgeSchema, req.body);
    const outcome = await guidelines.acknowledge(who.id, id, version);
    if (outcome === 'unknown') throw notFound('Guideline');
    if (outcome === 'outdated') throw conflict('A newer version exists: read that one first');
    const page = (await readerPages(who.id, language(req, who.language))).find((p) => p.id === id);
    res.send(200, page);
  });

  server.get('/api/v1/admin/guidelines', async (req, res) => {
    await admin(ctx.auth, req);
    res.send(200, { items: await guidelines.list() });
  });

  server.post('/api/v1/admin/guidelines', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const { slug, ...input } = parse(guidelineCreateSchema, req.body);
    res.send(201, await guidelines.create(slug, input, who.id));
  });

  server.get('/api/v1/admin/guidelines/:id', async (req, res) => {
    await admin(ctx.auth, req);
    const page = await guidelines.get(pageId(req.params.id));
    if (!page) throw notFound('Guideline');
    res.send(200, page);
  });

  /** A new version; a save that changes no title or text keeps the current one (200, `created: false`). */
  server.put('/api/v1/admin/guidelines/:id', async (req, res) => {
    const who = await admin(ctx.auth, req);
    const id = pageId(req.params.id);
    const { baseVersion, ...input } = parse(guidelineUpdateSchema, req.body);
    const saved = await guidelines.save(id, baseVersion, input, who.id, (current) => sameContent(current, input));
    if (!saved) throw notFound('Guideline');
    res.send(200, { ...saved.page, created: saved.created });
  });

  server.get('/api/v1/admin/guidelines/:id/versions', async (req, res) => {
    await admin(ctx.auth, req);
    const items = await guidelines.history(pageId(req.params.id));
    if (items.length === 0) throw notFound('Guideline');
    res.send(200, { items });
  });

  server.get('/api/v1/admin/guidelines/:id/versions/:version', async (req, res) => {
    await admin(ctx.auth, req);
    const version = await guidelines.version(pageId(req.params.id), versionNumber(req.params.version));
    if (!version) throw notFound('Version');
    res.send(200, version);
  });

  /** Word diffs of title and text, per language, from one version to another (either order). */
  server.get('/api/v1/admin/guidelines/:id/versions/:from/diff/:to', async (req, res) => {
    await admin(ctx.auth, req);
    const id = pageId(req.params.id);
    const [fromNumber, toNumber] = [versionNumber(req.params.from), versionNumber(req.params.to)];
    if (fromNumber === toNumber) throw invalid('Some fields are not valid', { to: 'must differ from the version compared with' });
    const [from, to] = await Promise.all([guidelines.version(id, fromNumber), guidelines.version(id, toNumber)]);
    if (!from || !to) throw notFound('Version');
    const diff: GuidelineDiff = {
      from: from.version,
      to: to.version,
      title: { de: textDiff(from.title.de, to.title.de), en: textDiff(from.title.en, to.title.en) },
      body: { de: textDiff(from.body.de, to.body.de), en: textDiff(from.body.en, to.body.en) },
    };
    res.send(200, diff);
  });
}
