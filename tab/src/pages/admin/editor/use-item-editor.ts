import { useCallback, useState } from 'react';
import type { AdminItem, Language } from '@contract';
import { ApiError } from '../../../api.js';
import { errorText } from '../../../components/error-state.js';
import { useNotify } from '../../../components/use-notify.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { routeHash } from '../../../routing.js';
import { useSession } from '../../../session.js';
import { emptyForm, formFromItem, validateForm, type FieldErrors, type ItemForm } from './item-form-model.js';

/** Which error paths a form key owns, so editing a field clears its old message. */
const PATHS: Partial<Record<keyof ItemForm, string>> = {
  departments: 'audience.departments',
  locations: 'audience.locations',
};

function without(messages: FieldErrors, path: string): FieldErrors {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => key !== path && !key.startsWith(`${path}.`)));
}

/** The editor's state and its actions: validate with the contract's schema, save, publish, archive. */
export function useItemEditor(initial: AdminItem | null, defaultLanguage: Language) {
  const { api } = useSession();
  const { t, dateTime } = useI18n();
  const notify = useNotify();
  const [item, setItem] = useState<AdminItem | null>(initial);
  const [form, setForm] = useState<ItemForm>(() => (initial ? formFromItem(initial) : emptyForm(defaultLanguage)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [warnings, setWarnings] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

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

  /** Saves the form (create or update); the saved item, or null when it was refused. */
  const save = async (): Promise<AdminItem | null> => {
    const checked = validateForm(form, t);
    if (checked.errors) {
      setErrors(checked.errors);
      notify('error', t.fixErrors);
      return null;
    }
    setErrors({});
    try {
      const saved = item ? await api.updateItem(item.id, checked.input) : await api.createItem(checked.input);
      setItem(saved.item);
      setWarnings(Object.fromEntries(saved.warnings.map((w) => [w.field, w.message])));
      if (!item) window.history.replaceState(null, '', routeHash({ page: 'admin-edit', id: saved.item.id }));
      return saved.item;
    } catch (err) {
      failed(err);
      return null;
    }
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
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
    publish: (at?: string) =>
      run(async () => {
        const saved = await save();
        if (!saved) return;
        try {
          setItem(await api.publish(saved.id, at));
          notify('success', at ? t.scheduledToast(dateTime(at)) : t.publishedToast);
        } catch (err) {
          failed(err);
        }
      }),
    archive: () =>
      run(async () => {
        if (!item) return;
        try {
          setItem(await api.archive(item.id));
          notify('success', t.archivedToast);
        } catch (err) {
          failed(err);
        }
      }),
  };
}
