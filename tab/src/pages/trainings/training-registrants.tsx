import { Badge, Body1, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { ENDPOINTS, type Training, type TrainingRegistrant } from '@contract';
import { useEffect, useState } from 'react';
import { ErrorState, errorText } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { LoadMore } from '../../components/load-more.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  name: { overflowWrap: 'anywhere', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Who registered or waits, in order; once the session has started, who attended (saved per tick). */
export function TrainingRegistrants({ training }: { training: Training }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const load = usePagedEndpoint(ENDPOINTS.trainingRegistrants, { params: { id: training.id } }, (r) => r.personId);
  const [people, setPeople] = useState<TrainingRegistrant[] | undefined>(undefined);
  const [saving, setSaving] = useState<string | null>(null);
  useEffect(() => setPeople(load.status === 'ok' ? load.items : undefined), [load.status, load.items]);
  const started = Date.parse(training.startsAt) <= Date.now();

  const mark = async (person: TrainingRegistrant, attended: boolean) => {
    setSaving(person.personId);
    try {
      const result = await api.setAttendance({ params: { id: training.id }, body: { attendance: [{ personId: person.personId, attended }] } });
      setPeople(result.items);
      notify('success', t.trainingAttendanceSaved);
    } catch (err) {
      notify('error', errorText(err, t));
    } finally {
      setSaving(null);
    }
  };

  if (load.status === 'loading' || (load.status === 'ok' && !people)) return <LoadingState />;
  if (load.status === 'error') return <ErrorState error={load.error} onRetry={load.reload} />;
  return (
    <section className={styles.root} aria-label={t.trainingRegistrantsAria(training.title)}>
      {people?.length === 0 ? <Body1>{t.trainingRegistrantsEmpty}</Body1> : null}
      {people && people.length > 0 && !started ? <Caption1 className={styles.meta}>{t.trainingAttendanceLater}</Caption1> : null}
      <ul className={styles.list}>
        {people?.map((p) => (
          <li key={p.personId} className={styles.row}>
            <Body1 className={styles.name}>{p.displayName}</Body1>
            <Badge appearance="outline" color={p.status === 'registered' ? 'success' : 'informative'}>
              {t.trainingRegistrantStatuses[p.status]}
            </Badge>
            {started && p.status === 'registered' ? (
              <Checkbox
                label={t.trainingAttended}
                aria-label={t.trainingAttendedAria(p.displayName)}
                checked={p.attended === true}
                disabled={saving === p.personId}
                onChange={(_, d) => void mark(p, d.checked === true)}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <LoadMore list={load} />
    </section>
  );
}
