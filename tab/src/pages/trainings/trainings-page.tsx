import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { CalendarLtrRegular } from '@fluentui/react-icons';
import type { Training } from '@contract';
import { lazy, useId, type ReactNode } from 'react';
import { AdminPart } from '../../components/admin-part.js';
import { EmptyState } from '../../components/empty-state.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { TrainingCard, type TrainingCardView } from './training-card.js';
import { useTrainings } from './use-trainings.js';

// Only admins plan sessions: the form and the registrants load on first use.
const TrainingsAdmin = lazy(() => import('./trainings-admin.js').then((m) => ({ default: m.TrainingsAdmin })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '52rem', minWidth: 0 },
  heading: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle1 as="h2" block id={id} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

/** The Trainings page: sessions meant for me, mine, and past ones; for admins also planning. */
export function TrainingsPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { load, lists, busy, change, addToCalendar } = useTrainings();

  const cards = (items: Training[], view: TrainingCardView) => (
    <ul className={styles.list}>
      {items.map((s) => (
        <li key={s.id}>
          <TrainingCard
            training={s}
            view={view}
            busy={busy === s.id}
            onRegister={() => void change(s, 'register')}
            onUnregister={() => void change(s, 'unregister')}
            onAddToCalendar={() => void addToCalendar(s)}
          />
        </li>
      ))}
    </ul>
  );
  const short = (text: string) => (
    <Body1 as="p" block className={styles.empty}>
      {text}
    </Body1>
  );

  return (
    <div className={styles.root}>
      <PageHeader heading={t.trainingsTitle} intro={t.trainingsIntro} />
      {load.state === 'loading' || (load.state === 'ok' && !lists) ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState error={load.error} onRetry={load.reload} /> : null}
      {load.state === 'ok' && lists ? (
        <>
          <Section title={t.trainingsUpcoming}>
            {lists.upcoming.length > 0 ? (
              cards(lists.upcoming, 'upcoming')
            ) : (
              <EmptyState icon={<CalendarLtrRegular />} title={t.trainingsUpcomingEmptyTitle} body={t.trainingsUpcomingEmptyBody} />
            )}
          </Section>
          <Section title={t.trainingsMine}>{lists.mine.length > 0 ? cards(lists.mine, 'mine') : short(t.trainingsMineEmpty)}</Section>
          <Section title={t.trainingsPast}>{lists.past.length > 0 ? cards(lists.past, 'past') : short(t.trainingsPastEmpty)}</Section>
        </>
      ) : null}
      <AdminPart permission="trainings.manage">
        <TrainingsAdmin onChanged={load.reload} />
      </AdminPart>
    </div>
  );
}
