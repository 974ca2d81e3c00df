import { conflict, invalid, notFound } from '../errors.js';
import type { Language, Page } from '../model/common.js';
import type { AdminGuideline, Guideline, GuidelineCreateInput, GuidelineDiff, GuidelineUpdateInput, GuidelineVersion, GuidelineVersionSummary } from '../model/guidelines.js';
import { acknowledgement, planSave, type GuidelineContent, type SavePlan } from './guideline-rules.js';
import { readerView, readSinceOutdated, versionDiff, type ReaderGuideline } from './reader-view.js';

type PageRequest = { cursor?: string | undefined; limit: number };

/** What an editor saves: the content, a note on what changed, and where the page goes. */
export interface GuidelineSave extends GuidelineContent {
  changeNote: Record<Language, string>;
  position?: number | undefined;
}

/** What the guideline rules need from storage: it stores and loads, nothing more. */
export interface GuidelineStore {
  /** The current version of each page, by position. */
  list(page: PageRequest): Promise<Page<AdminGuideline>>;
  get(id: string): Promise<AdminGuideline | undefined>;
  version(id: string, version: number): Promise<GuidelineVersion | undefined>;
  /** A page's versions, newest first. */
  history(id: string, page: PageRequest): Promise<Page<GuidelineVersionSummary>>;
  /** A new page with version 1; undefined when the slug is taken. */
  create(slug: string, input: GuidelineSave, by: string): Promise<AdminGuideline | undefined>;
  /**
   * With the page locked (two saves of one page queue up), loads its current version, asks
   * `plan` what to write, and writes it: the position, and a new version when there is one.
   * What `plan` throws rolls everything back. Undefined for an unknown page.
   */
  save(id: string, input: GuidelineSave, by: string, plan: (current: GuidelineVersion) => SavePlan): Promise<AdminGuideline | undefined>;
  /** Every current page, with what this person acknowledged (nobody else's is read). */
  forReader(personId: string): Promise<ReaderGuideline[]>;
  /** The page's newest version number; undefined for an unknown page. */
  latestVersion(id: string): Promise<number | undefined>;
  /** Records the acknowledgement (and its event) unless it was recorded before. */
  acknowledge(personId: string, id: string, version: number): Promise<void>;
}

/**
 * Guidelines: everyone reads the current version and may acknowledge it (nobody else ever
 * sees who did); editors write new versions and compare any two.
 */
export function guidelinesService({ store }: { store: GuidelineStore }) {
  async function forReader(personId: string, lang: Language): Promise<Guideline[]> {
    const pages = await store.forReader(personId);
    return Promise.all(
      pages.map(async (p) => {
        const since = readSinceOutdated(p);
        return readerView(p, lang, since === null ? undefined : await store.version(p.page.id, since));
      }),
    );
  }

  async function get(id: string): Promise<AdminGuideline> {
    const page = await store.get(id);
    if (!page) throw notFound('Guideline');
    return page;
  }

  async function version(id: string, v: number): Promise<GuidelineVersion> {
    const found = await store.version(id, v);
    if (!found) throw notFound('Version');
    return found;
  }

  return {
    forReader,
    get,
    version,
    list: (page: PageRequest) => store.list(page),

    /** "I have read this": optional, harmless twice, and only for the current version. */
    async acknowledge(personId: string, id: string, v: number, lang: Language): Promise<Guideline> {
      const outcome = acknowledgement(await store.latestVersion(id), v);
      if (outcome === 'unknown') throw notFound('Guideline');
      if (outcome === 'outdated') throw conflict('guideline.newerExists');
      await store.acknowledge(personId, id, v);
      const page = (await forReader(personId, lang)).find((p) => p.id === id);
      if (!page) throw notFound('Guideline');
      return page;
    },

    async create({ slug, ...input }: GuidelineCreateInput, by: string): Promise<AdminGuideline> {
      const page = await store.create(slug, input, by);
      if (!page) throw conflict('guideline.slugTaken');
      return page;
    },

    /** A new version; a save that changes no title or text keeps the current one (`created: false`). */
    async save(id: string, { baseVersion, ...input }: GuidelineUpdateInput, by: string): Promise<AdminGuideline & { created: boolean }> {
      let created = false;
      const page = await store.save(id, input, by, (current) => {
        const plan = planSave(current, baseVersion, input);
        if (plan === 'stale') throw conflict('guideline.stale');
        created = plan.newVersion !== null;
        return plan;
      });
      if (!page) throw notFound('Guideline');
      return { ...page, created };
    },

    async history(id: string, page: PageRequest): Promise<Page<GuidelineVersionSummary>> {
      await get(id);
      return store.history(id, page);
    },

    /** Word diffs of title and text, per language, from one version to another (either order). */
    async diff(id: string, from: number, to: number): Promise<GuidelineDiff> {
      if (from === to) throw invalid({ to: 'guideline.diffSame' });
      const [a, b] = await Promise.all([store.version(id, from), store.version(id, to)]);
      if (!a || !b) throw notFound('Version');
      return versionDiff(a, b);
    },
  };
}
export type GuidelinesService = ReturnType<typeof guidelinesService>;
