import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { errorText } from './error-state.js';
import { useNotify } from './use-notify.js';

/**
 * An action on one row of a list (remove, cancel, mark): `busy` names the row while it
 * runs; a failure shows as a toast in the server's words. The action says its own success.
 */
export function useRowAction() {
  const { t } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, action: () => Promise<void>) => {
    setBusy(id);
    try {
      await action();
    } catch (err) {
      notify('error', errorText(err, t));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
