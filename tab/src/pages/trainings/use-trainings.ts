import type { RegistrationResult, Training } from '@contract';
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../api.js';
import { errorText } from '../../components/error-state.js';
import { saveFile } from '../../components/save-file.js';
import { useNotify } from '../../components/use-notify.js';
import { useLoad } from '../../hooks/use-load.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { calendarFileName } from './training-time.js';

export interface TrainingLists {
  upcoming: Training[];
  mine: Training[];
  past: Training[];
}

async function fetchLists(api: Api, signal?: AbortSignal): Promise<TrainingLists> {
  const [upcoming, mine, past] = await Promise.all(
    (['upcoming', 'mine', 'past'] as const).map((view) => api.trainings(view, signal).then((r) => r.items)),
  );
  return { upcoming: upcoming ?? [], mine: mine ?? [], past: past ?? [] };
}

/** What happened, in words: the server's outcome and where I stand now. */
function outcomeText(result: RegistrationResult, wasWaitlisted: boolean, t: ReturnType<typeof useI18n>['t']): string {
  const { training, outcome } = result;
  switch (outcome) {
    case 'registered':
      return t.trainingRegisteredToast(training.title);
    case 'waitlisted':
      return t.trainingWaitlistedToast(training.title, training.mine.status === 'waitlisted' ? training.mine.position : 1);
    case 'cancelled':
      return wasWaitlisted ? t.trainingLeftWaitlistToast(training.title) : t.trainingUnregisteredToast(training.title);
    case 'unchanged':
      return t.trainingUnchangedToast;
  }
}

/**
 * The three lists of the Trainings page, and registering or cancelling: the session changes
 * in place at once (the server's answer), then the lists are fetched again quietly, without
 * a spinner, so "My sessions" follows.
 */
export function useTrainings() {
  const { api } = useSession();
  const { t } = useI18n();
  const notify = useNotify();
  const load = useLoad((signal) => fetchLists(api, signal), [api]);
  const [lists, setLists] = useState<TrainingLists | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => setLists(load.data), [load.data]);

  const change = useCallback(
    async (training: Training, action: 'register' | 'unregister') => {
      setBusy(training.id);
      try {
        let result: RegistrationResult;
        try {
          result = await (action === 'register' ? api.registerTraining(training.id) : api.unregisterTraining(training.id));
        } catch (err) {
          // 409: cancelled or started meanwhile, in the server's words; the reload shows it.
          notify('error', errorText(err, t));
          load.reload();
          return;
        }
        const replace = (all: Training[]) => all.map((x) => (x.id === result.training.id ? result.training : x));
        setLists((l) => l && { upcoming: replace(l.upcoming), mine: replace(l.mine), past: l.past });
        notify(result.outcome === 'unchanged' ? 'info' : 'success', outcomeText(result, training.mine.status === 'waitlisted', t));
        try {
          setLists(await fetchLists(api));
        } catch {
          load.reload(); // shows the error state with "Try again"
        }
      } finally {
        setBusy(null);
      }
    },
    [api, t, notify, load.reload],
  );

  /** The .ics file; the API wants the bearer token, so it is fetched and saved as a Blob. */
  const addToCalendar = useCallback(
    async (training: Training) => {
      try {
        saveFile(await api.trainingCalendar(training.id), calendarFileName(training.title));
      } catch (err) {
        notify('error', errorText(err, t));
      }
    },
    [api, t, notify],
  );

  return { load, lists, busy, change, addToCalendar };
}
