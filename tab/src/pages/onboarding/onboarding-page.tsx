import { Body1, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { TaskListLtrRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type Onboarding } from '@contract';
import { lazy, useEffect, useState } from 'react';
import { AdminPart } from '../../components/admin-part.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState, errorText } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { PageHeader } from '../../components/page-header.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { OnboardingStepCard } from './onboarding-step.js';

// Only admins define the checklist: the editor loads on first use.
const OnboardingAdmin = lazy(() => import('./onboarding-admin.js').then((m) => ({ default: m.OnboardingAdmin })));
const OnboardingNewHires = lazy(() => import('./onboarding-new-hires.js').then((m) => ({ default: m.OnboardingNewHires })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '52rem', minWidth: 0 },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '24rem' },
  progressText: { margin: 0 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function withMark(mine: Onboarding, stepId: string, done: boolean): Onboarding {
  const steps = mine.steps.map((s) => (s.id === stepId ? { ...s, done } : s));
  return { ...mine, steps, done: steps.filter((s) => s.done).length };
}

/**
 * The Onboarding page: a welcome and the checklist for new hires; the same checklist,
 * titled neutrally, for everyone else. For admins also defining the steps and marking
 * colleagues as new.
 */
export function OnboardingPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, me } = useSession();
  const notify = useNotify();
  const load = useEndpoint(ENDPOINTS.onboarding);
  // Ticking answers the whole checklist: it replaces what is shown, without a spinner.
  const [mine, setMine] = useState<Onboarding | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => setMine(load.data), [load.data]);

  const mark = async (stepId: string, done: boolean) => {
    setBusy(stepId);
    // The tick shows at once; the server's answer then replaces the whole checklist.
    setMine((m) => m && withMark(m, stepId, done));
    try {
      setMine(await api.markOnboardingStep({ params: { id: stepId }, body: { done } }));
    } catch (err) {
      notify('error', errorText(err, t));
      load.reload();
    } finally {
      setBusy(null);
    }
  };

  const progress = mine ? t.onboardingProgress(mine.done, mine.total) : '';
  const finished = mine !== undefined && mine.total > 0 && mine.done === mine.total;

  return (
    <div className={styles.root}>
      <PageHeader
        heading={mine?.newHire ? t.onboardingWelcomeTitle : t.onboardingTitle}
        intro={mine?.newHire ? t.onboardingWelcomeIntro : t.onboardingIntro}
      />
      {load.state === 'loading' || (load.state === 'ok' && !mine) ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState error={load.error} onRetry={load.reload} /> : null}
      {load.state === 'ok' && mine?.total === 0 ? (
        <EmptyState icon={<TaskListLtrRegular />} title={t.onboardingEmptyTitle} body={t.onboardingEmptyBody} />
      ) : null}
      {load.state === 'ok' && mine && mine.total > 0 ? (
        <>
          <div className={styles.progress}>
            <Body1 as="p" block className={styles.progressText} aria-live="polite" data-testid="onboarding-progress">
              <strong>{progress}</strong>
              {finished ? ` · ${t.onboardingAllDone}` : null}
            </Body1>
            <ProgressBar
              value={mine.done}
              max={mine.total}
              thickness="large"
              color={finished ? 'success' : 'brand'}
              aria-label={t.onboardingProgressLabel}
              aria-valuetext={progress}
            />
          </div>
          <ol className={styles.list}>
            {mine.steps.map((step) => (
              <li key={step.id}>
                <OnboardingStepCard step={step} busy={busy === step.id} onMark={(done) => void mark(step.id, done)} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <AdminPart permission="onboarding.manage">
        <OnboardingAdmin onChanged={load.reload} />
      </AdminPart>
      <AdminPart permission="onboarding.manage">
        {/* Marking oneself changes one's own welcome. */}
        <OnboardingNewHires onChanged={(personId) => (personId === me.id ? load.reload() : undefined)} />
      </AdminPart>
    </div>
  );
}
