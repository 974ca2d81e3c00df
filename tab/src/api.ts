import type {
  AdminItem,
  Announcement,
  AnnouncementStatus,
  ApiErrorBody,
  Audience,
  CrisisAuditEntry,
  CrisisNotice,
  CrisisOnInput,
  AdminCrisisState,
  DemoPerson,
  ErrorCode,
  FeedItem,
  AdminGuideline,
  Guideline,
  GuidelineCreateInput,
  GuidelineDiff,
  GuidelineUpdateInput,
  GuidelineVersionSummary,
  ItemInput,
  ItemStatus,
  Language,
  Me,
  MyShares,
  NewHireCandidate,
  Onboarding,
  OnboardingStepAdmin,
  OnboardingStepInput,
  Page,
  SavedItem,
  RegistrationResult,
  ShareLink,
  Topic,
  Training,
  TrainingInput,
  TrainingRegistrant,
} from '@contract';

/** An API error as the server sent it; `network` when no answer arrived at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface FeedQuery {
  topic?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface AdminItemsQuery {
  status?: ItemStatus;
  q?: string;
  cursor?: string;
}

export interface AnnouncementsListQuery {
  status?: AnnouncementStatus;
  itemId?: string;
  cursor?: string;
  limit?: number;
}

export interface ApiOptions {
  /** The bearer token: Teams SSO, or `dev.<key>` in browser mode; null when nobody is chosen. */
  getToken: () => Promise<string | null>;
  /** Called on every 401, so the app can ask who the user is. */
  onUnauthenticated?: () => void;
  /** The UI language: the server answers messages and topic names in it. */
  getLanguage?: () => Language | undefined;
}

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, for example: the status code says enough.
    return undefined;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** The one client for /api/v1: every request, header and error mapping lives here. */
export function createApi({ getToken, onUnauthenticated, getLanguage }: ApiOptions) {
  async function send(method: string, path: string, body?: unknown, signal?: AbortSignal, accept = 'application/json'): Promise<Response> {
    const token = await getToken();
    const headers: Record<string, string> = { Accept: accept };
    const language = getLanguage?.();
    if (language) headers['Accept-Language'] = language;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(0, 'network', err instanceof Error ? err.message : 'network error');
    }
    if (!res.ok) {
      const parsed = parseJson(await res.text());
      if (res.status === 401) onUnauthenticated?.();
      if (isErrorBody(parsed)) {
        const { code, message, fields } = parsed.error;
        throw new ApiError(res.status, code, message, fields);
      }
      throw new ApiError(res.status, res.status === 401 ? 'unauthenticated' : 'internal', res.statusText);
    }
    return res;
  }

  async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const res = await send(method, path, body, signal);
    return parseJson(await res.text()) as T;
  }

  const training = (id: string, rest = '') => `/trainings/${encodeURIComponent(id)}${rest}`;
  const adminTraining = (id: string, rest = '') => `/admin/trainings/${encodeURIComponent(id)}${rest}`;
  const adminStep = (id: string) => `/admin/onboarding/steps/${encodeURIComponent(id)}`;

  return {
    me: () => request<Me>('GET', '/me'),
    devPeople: () => request<{ items: DemoPerson[] }>('GET', '/dev/people'),
    topics: () => request<{ items: Topic[] }>('GET', '/topics'),
    feed: (query: FeedQuery, signal?: AbortSignal) =>
      request<Page<FeedItem>>('GET', withQuery('/items', { ...query }), undefined, signal),
    shareLink: (itemId: string) => request<ShareLink>('POST', `/items/${encodeURIComponent(itemId)}/share-link`, {}),
    myShares: () => request<MyShares>('GET', '/me/shares'),
    adminItems: (query: AdminItemsQuery, signal?: AbortSignal) =>
      request<Page<AdminItem>>('GET', withQuery('/admin/items', { ...query }), undefined, signal),
    adminItem: (id: string) => request<AdminItem>('GET', `/admin/items/${encodeURIComponent(id)}`),
    createItem: (input: ItemInput) => request<SavedItem>('POST', '/admin/items', input),
    updateItem: (id: string, input: ItemInput) => request<SavedItem>('PUT', `/admin/items/${encodeURIComponent(id)}`, input),
    /** Now, or at `at` (ISO date-time with offset): later means scheduled. */
    publish: (id: string, at?: string) =>
      request<AdminItem>('POST', `/admin/items/${encodeURIComponent(id)}/publish`, at ? { at } : {}),
    archive: (id: string) => request<AdminItem>('POST', `/admin/items/${encodeURIComponent(id)}/archive`, {}),
    audiences: () => request<Audience>('GET', '/admin/audiences'),
    /** Now (for a scheduled item: when it goes live), or at `at` (ISO date-time with offset). */
    announce: (itemId: string, at?: string) =>
      request<Announcement>('POST', `/admin/items/${encodeURIComponent(itemId)}/announce`, at ? { at } : {}),
    announcements: (query: AnnouncementsListQuery, signal?: AbortSignal) =>
      request<Page<Announcement>>('GET', withQuery('/admin/announcements', { ...query }), undefined, signal),
    announcement: (id: string, signal?: AbortSignal) =>
      request<Announcement>('GET', `/admin/announcements/${encodeURIComponent(id)}`, undefined, signal),
    /** Stops what is not sent yet; what was sent stays sent. */
    cancelAnnouncement: (id: string) => request<Announcement>('POST', `/admin/announcements/${encodeURIComponent(id)}/cancel`, {}),
    /** What everyone sees while crisis mode is on: instructions in the request's language. */
    crisis: (signal?: AbortSignal) => request<CrisisNotice>('GET', '/crisis', undefined, signal),
    adminCrisis: (signal?: AbortSignal) => request<AdminCrisisState>('GET', '/admin/crisis', undefined, signal),
    /** Switching on twice changes nothing. */
    crisisOn: (input: CrisisOnInput) => request<AdminCrisisState>('POST', '/admin/crisis', input),
    crisisOff: () => request<AdminCrisisState>('POST', '/admin/crisis/off', {}),
    crisisAudit: (signal?: AbortSignal) => request<{ items: CrisisAuditEntry[] }>('GET', '/admin/crisis/audit', undefined, signal),
    /** The current guidelines in the request's language, with what I acknowledged. */
    guidelines: (signal?: AbortSignal) => request<{ items: Guideline[] }>('GET', '/guidelines', undefined, signal),
    /** "I have read this" for the version I read; harmless twice. */
    acknowledgeGuideline: (id: string, version: number) =>
      request<Guideline>('POST', `/guidelines/${encodeURIComponent(id)}/acknowledge`, { version }),
    adminGuidelines: (signal?: AbortSignal) => request<{ items: AdminGuideline[] }>('GET', '/admin/guidelines', undefined, signal),
    createGuideline: (input: GuidelineCreateInput) => request<AdminGuideline>('POST', '/admin/guidelines', input),
    /** A new version on top of `baseVersion`; 409 when someone saved meanwhile. */
    saveGuideline: (id: string, input: GuidelineUpdateInput) =>
      request<AdminGuideline & { created: boolean }>('PUT', `/admin/guidelines/${encodeURIComponent(id)}`, input),
    guidelineVersions: (id: string, signal?: AbortSignal) =>
      request<{ items: GuidelineVersionSummary[] }>('GET', `/admin/guidelines/${encodeURIComponent(id)}/versions`, undefined, signal),
    guidelineDiff: (id: string, from: number, to: number, signal?: AbortSignal) =>
      request<GuidelineDiff>('GET', `/admin/guidelines/${encodeURIComponent(id)}/versions/${from}/diff/${to}`, undefined, signal),
    /** upcoming: open sessions meant for me; mine: registered or waitlisted, not over; past: over, newest first. */
    trainings: (view: 'upcoming' | 'mine' | 'past', signal?: AbortSignal) =>
      request<{ items: Training[] }>('GET', withQuery('/trainings', { view }), undefined, signal),
    /** A seat if one is free, else the waitlist; 409 once cancelled or started. */
    registerTraining: (id: string) => request<RegistrationResult>('POST', training(id, '/register'), {}),
    unregisterTraining: (id: string) => request<RegistrationResult>('POST', training(id, '/unregister'), {}),
    /** The calendar file: the API wants the bearer token, so it comes as a Blob, not a link. */
    trainingCalendar: async (id: string) => (await send('GET', training(id, '/ics'), undefined, undefined, 'text/calendar, application/json')).blob(),
    adminTrainings: (signal?: AbortSignal) => request<{ items: Training[] }>('GET', '/admin/trainings', undefined, signal),
    createTraining: (input: TrainingInput) => request<Training>('POST', '/admin/trainings', input),
    /** 400 with `capacity` when fewer seats than people registered. */
    updateTraining: (id: string, input: TrainingInput) => request<Training>('PUT', adminTraining(id), input),
    cancelTraining: (id: string) => request<Training>('POST', adminTraining(id, '/cancel'), {}),
    /** Cards to the session's audience now; 409 when it was announced already. */
    announceTraining: (id: string) => request<Announcement>('POST', adminTraining(id, '/announce'), {}),
    trainingRegistrants: (id: string, signal?: AbortSignal) =>
      request<{ items: TrainingRegistrant[] }>('GET', adminTraining(id, '/registrants'), undefined, signal),
    /** Only after the start (409 before). */
    setAttendance: (id: string, attendance: Array<{ personId: string; attended: boolean }>) =>
      request<{ items: TrainingRegistrant[] }>('PUT', adminTraining(id, '/attendance'), { attendance }),
    /** My checklist in the request's language, with my progress. */
    onboarding: (signal?: AbortSignal) => request<Onboarding>('GET', '/onboarding', undefined, signal),
    /** Tick or untick a manual step; answers the whole checklist. 409 for steps that tick themselves. */
    markOnboardingStep: (id: string, done: boolean) =>
      request<Onboarding>('POST', `/onboarding/steps/${encodeURIComponent(id)}`, { done }),
    adminOnboardingSteps: (signal?: AbortSignal) =>
      request<{ items: OnboardingStepAdmin[] }>('GET', '/admin/onboarding/steps', undefined, signal),
    createOnboardingStep: (input: OnboardingStepInput) => request<OnboardingStepAdmin>('POST', '/admin/onboarding/steps', input),
    updateOnboardingStep: (id: string, input: OnboardingStepInput) => request<OnboardingStepAdmin>('PUT', adminStep(id), input),
    /** Off the checklist for everyone; progress on it no longer counts. */
    removeOnboardingStep: (id: string) => request<void>('DELETE', adminStep(id)),
    /** Colleagues whose name contains `q` (at least 2 characters, else 400), with whether they count as new. */
    newHireCandidates: (q: string, signal?: AbortSignal) =>
      request<{ items: NewHireCandidate[] }>('GET', withQuery('/admin/onboarding/people', { q }), undefined, signal),
    /** New until `until` (ISO date-time with offset), or back to the join date (null). */
    markNewHire: (personId: string, until: string | null) =>
      request<void>('PUT', `/admin/people/${encodeURIComponent(personId)}/new-hire`, { until }),
  };
}

export type Api = ReturnType<typeof createApi>;
