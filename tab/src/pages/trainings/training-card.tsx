import { Badge, Body1, Button, Caption1, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { CalendarAddRegular, DocumentRegular, PersonAddRegular, PersonDeleteRegular } from '@fluentui/react-icons';
import type { Training } from '@contract';
import { useId } from 'react';
import { useCardStyles } from '../../components/card-styles.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { sessionTime } from './training-time.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, marginRight: 'auto', overflowWrap: 'anywhere', minWidth: 0 },
  when: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  description: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export type TrainingCardView = 'upcoming' | 'mine' | 'past';

export interface TrainingCardProps {
  training: Training;
  view: TrainingCardView;
  busy: boolean;
  onRegister: () => void;
  onUnregister: () => void;
  onAddToCalendar: () => void;
}

/** One session as an employee sees it: when (in their own zone), how long, who, where, seats, and what they can do. */
export function TrainingCard({ training: s, view, busy, onRegister, onUnregister, onAddToCalendar }: TrainingCardProps) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t, locale } = useI18n();
  const headingId = useId();
  const time = sessionTime(s, locale);
  const started = Date.parse(s.startsAt) <= Date.now();
  const open = s.status === 'scheduled' && !started && view !== 'past';
  const { mine } = s;
  const place = [s.meetingUrl ? t.trainingOnline : null, s.room ? t.trainingRoom(s.room) : null].filter(Boolean).join(' · ');
  const meta = [t.trainingDuration(time.minutes), t.trainingHost(s.host), t.contentLanguage(t.languageNames[s.language]), place];
  const action = (label: string) => t.trainingActionAria(label, s.title);

  return (
    <article className={card.card} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h3" block id={headingId} className={styles.title}>
          {s.title}
        </Subtitle2>
        {s.status === 'cancelled' ? (
          <Badge appearance="filled" color="danger">
            {t.trainingCancelled}
          </Badge>
        ) : null}
      </div>
      <Body1 className={styles.when}>
        <time dateTime={s.startsAt}>{time.when}</time>
      </Body1>
      {time.planned ? <Caption1 className={styles.meta}>{t.trainingPlannedIn(time.planned, s.timeZone)}</Caption1> : null}
      <Caption1 className={styles.meta}>{meta.filter(Boolean).join(' · ')}</Caption1>
      {s.description && view !== 'mine' ? (
        <Body1 as="p" block className={styles.description}>
          {s.description}
        </Body1>
      ) : null}
      {view !== 'past' && s.status === 'scheduled' ? (
        <Body1 data-testid="training-standing">
          {mine.status === 'registered' ? (
            <strong>{t.trainingRegistered}</strong>
          ) : mine.status === 'waitlisted' ? (
            <strong>{t.trainingWaitlisted(mine.position)}</strong>
          ) : started ? (
            t.trainingStarted
          ) : s.seatsLeft > 0 ? (
            t.trainingSeatsLeft(s.seatsLeft)
          ) : (
            t.trainingFull
          )}
        </Body1>
      ) : null}
      <div className={styles.actions}>
        {open && (mine.status === 'none' || mine.status === 'cancelled') ? (
          <Button
            appearance="primary"
            icon={<PersonAddRegular />}
            disabled={busy}
            onClick={onRegister}
            aria-label={action(s.seatsLeft > 0 ? t.trainingRegister : t.trainingJoinWaitlist)}
          >
            {s.seatsLeft > 0 ? t.trainingRegister : t.trainingJoinWaitlist}
          </Button>
        ) : null}
        {open && (mine.status === 'registered' || mine.status === 'waitlisted') ? (
          <Button
            icon={<PersonDeleteRegular />}
            disabled={busy}
            onClick={onUnregister}
            aria-label={action(mine.status === 'registered' ? t.trainingUnregister : t.trainingLeaveWaitlist)}
          >
            {mine.status === 'registered' ? t.trainingUnregister : t.trainingLeaveWaitlist}
          </Button>
        ) : null}
        {mine.status === 'registered' && s.status === 'scheduled' && view !== 'past' ? (
          <Button icon={<CalendarAddRegular />} onClick={onAddToCalendar} aria-label={action(t.trainingAddToCalendar)}>
            {t.trainingAddToCalendar}
          </Button>
        ) : null}
        {mine.status === 'registered' && s.meetingUrl && s.status === 'scheduled' && view !== 'past' ? (
          <Link href={s.meetingUrl} target="_blank" rel="noopener noreferrer">
            {t.trainingJoinMeeting}
          </Link>
        ) : null}
        {view === 'past' && s.materialsUrl ? (
          <Link href={s.materialsUrl} target="_blank" rel="noopener noreferrer" aria-label={action(t.trainingMaterials)}>
            <DocumentRegular aria-hidden="true" /> {t.trainingMaterials}
          </Link>
        ) : null}
      </div>
    </article>
  );
}
