import { useCallback, useState } from 'react';
import { ENDPOINTS, type AdminItem, type Announcement, type Audience, type ItemInput, type Language } from '@contract';
import { ApiError } from '../../../api.js';
import { errorText } from '../../../components/error-state.js';
import { useNotify } from '../../../components/use-notify.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { routeHash } from '../../../routing.js';
import { useInvalidate } from '../../../query/use-endpoint.js';
import { useSession } from '../../../session.js';
import type { AnnounceRequest } from './announce-choice-model.js';
import { isEveryone, publishWarning } from './audience-reach-model.js';
import { emptyForm, formFromItem, validateForm, type FieldErrors, type ItemForm } from './item-form-model.js';
import { useItemAnnouncement } from './use-item-announcement.js';

/** Which error paths a form key owns, so editing a field clears its old message. */
const PATHS: Partial<Record<keyof ItemForm, string>> = {
  departments: 'audience.departments',
  locations: 'audience.locations',
};

/** Two toasts in one: the first as a sentence, then the second. */
const sentences = (first: string, second: string) => `${/[.!?]$/.test(first) ? first : `${first}.`} ${second}`;

function without(messages: FieldErrors, path: string): FieldErrors {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => key !== path && !key.startsWith(`${path}.`)));
}

/** What the server said about an announce request: done, or refused (with its message for the time field). */
export type AnnounceOutcome = { ok: true } | { ok: false; atError?: string };

/** Publishing that waits for the admin: its audience reaches nobody, or names values nobody holds (issue 14 §2). */
export interface PublishCheck {
  at?: string;
  request: AnnounceRequest;
  warning: string;
}

/** The editor's state and its actions: validate with the contract's schema, save, publish (and announce), archive. */
export function useItemEditor(initial: AdminItem | null, initialAnnouncement: Announcement | null, defaultLanguage: Language) {
  const { api } = useSession();
  const invalidate = useInvalidate();
  const { t, dateTime } = useI18n();
  const notify = useNotify();
  const [item, setItem] = useState<AdminItem | null>(initial);
  const [form, setForm] = useState<ItemForm>(() => (initial ? formFromItem(initial) : emptyForm(defaultLanguage)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [warnings, setWarnings] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [publishCheck, setPublishCheck] = useState<PublishCheck | null>(null);
  const { announcement, announce } = useItemAnnouncement(initialAnnouncement);

  const update = useCallback(<K extends keyof ItemForm>(key: K, value: ItemForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    const path = PATHS[key] ?? key;
    setErrors((e) => without(e, path));
    setWarnings((w) => without(w, path));
  }, []);

  const failed = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'invalid' && Object.keys(err.fields).length > 0) {
      setErrors(err.fields);
      notify('error', t.fixErrors);
    } else {
      notify('error', errorText(err, t));
    }
  };

  /** The form as the API takes it, or null after marking what is wrong. */
  const validated = (): ItemInput | null => {
    const checked = validateForm(form, t);
    if (checked.errors) {
      setErrors(checked.errors);
      notify('error', t.fixErrors);
      return null;
    }
    setErrors({});
    return checked.input;
  };

  /** Saves the form (create or update); the saved item, or null when it was refused. */
  const save = async (): Promise<AdminItem | null> => {
    const input = validated();
    if (!input) return null;
    try {
      const saved = item ? await api.updateItem({ params: { id: item.id }, body: input }) : await api.createItem({ body: input });
      void invalidate(ENDPOINTS.adminItems);
      setItem(saved.item);
      setWarnings(Object.fromEntries(saved.warnings.map((w) => [w.field, w.message])));
      if (!item) window.history.replaceState(null, '', routeHash({ page: 'admin-edit', id: saved.item.id }));
      return saved.item;
    } catch (err) {
      failed(err);
      return null;
    }
  };

  const run = async <T>(action: () => Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      return await action();
    } finally {
      setBusy(false);
    }
  };

  /** What to say about the audience before publishing; nothing (one click, as ever) when people are in it. */
  const audienceWarning = async (audience: Audience, announcing: boolean): Promise<string | undefined> => {
    if (isEveryone(audience)) return undefined;
    try {
      return publishWarning(audience, await api.audienceReach({ body: audience }), announcing, t);
    } catch (err) {
      // Not known, so not silently fine: the admin decides.
      return t.publishCheckFailed(errorText(err, t));
    }
  };

  /** Saves, publishes now or at `at`, then announces as chosen (null: not at all). */
  const publishSaved = async (at: string | undefined, request: AnnounceRequest) => {
    const saved = await save();
    if (!saved) return;
    let published: AdminItem;
    try {
      published = await api.publish({ params: { id: saved.id }, body: at ? { at } : {} });
      void invalidate(ENDPOINTS.adminItems, ENDPOINTS.feed);
      setItem(published);
    } catch (err) {
      failed(err);
      return;
    }
    const done = at ? t.scheduledToast(dateTime(at)) : t.publishedToast;
    if (!request) {
      notify('success', done);
      return;
    }
    try {
      const created = await announce(published.id, request.at);
      notify('success', sentences(done, announcedText(created, request, published.live)));
    } catch (err) {
      // Published all the same: the editor now offers "Announce" to try again.
      notify('error', t.announceFailedToast(errorText(err, t)));
    }
  };

  /** "Announcement started" / "scheduled for …" / "when it goes live", for a new announcement. */
  const announcedText = (created: Announcement, request: NonNullable<AnnounceRequest>, itemLive: boolean) => {
    if (request.at) return t.announcementScheduledToast(dateTime(created.sendAt));
    return itemLive ? t.announcedToast : t.announcementOnLiveToast;
  };

  return {
    item,
    form,
    update,
    errors,
    warnings,
    busy,
    save: () =>
      run(async () => {
        if (await save()) notify('success', t.savedToast);
      }),
    announcement,
    /**
     * Publishes now or at `at`, then announces as chosen (null: not at all) — after asking
     * whom the audience reaches: when nobody, or values nobody holds, nothing is saved until
     * the admin answers `publishCheck`.
     */
    publish: (at?: string, request: AnnounceRequest = null) =>
      run(async () => {
        const input = validated();
        if (!input) return;
        const warning = await audienceWarning(input.audience, request !== null);
        if (warning) setPublishCheck({ at, request, warning });
        else await publishSaved(at, request);
      }),
    publishCheck,
    /** "Publish anyway". */
    confirmPublish: () => {
      if (!publishCheck) return;
      setPublishCheck(null);
      void run(() => publishSaved(publishCheck.at, publishCheck.request));
    },
    /** "Back to editing": nothing saved, nothing published. */
    cancelPublish: () => setPublishCheck(null),
    /** Announces an item that is already published or scheduled. */
    announce: (request: NonNullable<AnnounceRequest>): Promise<AnnounceOutcome> =>
      run(async () => {
        if (!item) return { ok: false };
        try {
          const created = await announce(item.id, request.at);
          notify('success', announcedText(created, request, item.live));
          return { ok: true };
        } catch (err) {
          // A refused time goes next to the time input; anything else is a toast.
          const atError = request.at && err instanceof ApiError && err.code === 'invalid' ? err.fields.at : undefined;
          if (!atError) notify('error', errorText(err, t));
          return { ok: false, atError };
        }
      }),
    archive: () =>
      run(async () => {
        if (!item) return;
        try {
          setItem(await api.archive({ params: { id: item.id } }));
          void invalidate(ENDPOINTS.adminItems);
          notify('success', t.archivedToast);
        } catch (err) {
          failed(err);
        }
      }),
  };
}
