import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ENDPOINTS, type RegistrationResult, type Training } from '@contract';
import { useCallback, useState } from 'react';
import type { Api } from '../../api.js';
import { errorText } from '../../components/error-state.js';
import { saveFile } from '../../components/save-file.js';
import { useNotify } from '../../components/use-notify.js';
import { useOptionalLanguage } from '../../i18n/i18n-context.js';
import { useApiScope } from '../../query/api-context.js';
import { endpointKey, useInvalidate, type Load } from '../../query/use-endpoint.js';
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
    (['upcoming', 'mine', 'past'] as const).map((view) => api.trainings({ query: { view } }, signal).then((r) => r.items)),
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
  const { scope } = useApiScope();
  const { t } = useI18n();
  const notify = useNotify();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  // The three views in one cache entry under the trainings endpoint (invalidated with it).
  const key = endpointKey(ENDPOINTS.trainings, scope, useOptionalLanguage(), 'three views');
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchLists(api, signal) });
  const lists = query.data;
  const setLists = (update: (l: TrainingLists | undefined) => TrainingLists | undefined) => client.setQueryData<TrainingLists>(key, update);
  const reload = () => void query.refetch();
  const load: Load<TrainingLists> & { reload: () => void } = {
    ...(lists ? { state: 'ok' as const, data: lists } : query.isError ? { state: 'error' as const, error: query.error } : { state: 'loading' as const }),
    reload,
  };
  const [busy, setBusy] = useState<string | null>(null);

  const change = useCallback(
    async (training: Training, action: 'register' | 'unregister') => {
      setBusy(training.id);
      try {
        let result: RegistrationResult;
        try {
          const input = { params: { id: training.id } };
          result = await (action === 'register' ? api.registerTraining(input) : api.unregisterTraining(input));
        } catch (err) {
          // 409: cancelled or started meanwhile, in the server's words; the reload shows it.
          notify('error', errorText(err, t));
          reload();
          return;
        }
        const replace = (all: Training[]) => all.map((x) => (x.id === result.training.id ? result.training : x));
        setLists((l) => l && { upcoming: replace(l.upcoming), mine: replace(l.mine), past: l.past });
        notify(result.outcome === 'unchanged' ? 'info' : 'success', outcomeText(result, training.mine.status === 'waitlisted', t));
        // Then quietly fetched again (no spinner: the lists stay), so "My sessions" follows; the checklist may tick.
        void invalidate(ENDPOINTS.trainings, ENDPOINTS.onboarding);
      } finally {
        setBusy(null);
      }
    },
    [api, t, notify, client, invalidate, query.refetch],
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
