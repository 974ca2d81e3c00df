import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { saveFailure } from './form-fields.js';
import { useNotify } from './use-notify.js';

/**
 * The saving half of a form: `busy` while it runs, and a refusal shown where it belongs —
 * the server's per-field messages at the fields (`invalid` as the toast), anything else
 * as one toast. The action says its own success.
 */
export function useSaveForm(invalid: string) {
  const { t } = useI18n();
  const notify = useNotify();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async (action: () => Promise<void>) => {
    setBusy(true);
    setFields({});
    try {
      await action();
    } catch (err) {
      const failure = saveFailure(err, invalid, t);
      if (failure.fields) setFields(failure.fields);
      notify('error', failure.message);
    } finally {
      setBusy(false);
    }
  };
  /** A refusal found before asking the server (a required field left empty). */
  const refuse = (errors: Record<string, string>) => {
    setFields(errors);
    notify('error', invalid);
  };

  return { fields, busy, save, refuse };
}
