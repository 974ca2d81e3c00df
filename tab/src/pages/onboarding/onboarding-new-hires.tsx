import { Badge, Body1, Button, Caption1, Field, Input, makeStyles, SearchBox, tokens } from '@fluentui/react-components';
import { DismissRegular, PersonAddRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type NewHireCandidate } from '@contract';
import { useEffect, useState } from 'react';
import { AdminSection } from '../../components/admin-section.js';
import { useAdminListStyles } from '../../components/admin-styles.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { useRowAction } from '../../components/use-row-action.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { isoWithOffset } from '../admin/editor/local-time.js';

/** The server answers 400 below this; the search starts only from here. */
const MIN_QUERY = 2;
const SEARCH_DEBOUNCE_MS = 250;
/** The date offered for "new until": as long as a new hire counts by default. */
const DEFAULT_DAYS = 60;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  search: { maxWidth: '24rem', minWidth: 0 },
  name: { overflowWrap: 'anywhere', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, minWidth: 0 },
  date: { minWidth: 0, maxWidth: '100%' },
});

const pad = (n: number) => String(n).padStart(2, '0');

/** What a date input shows for today plus `days` ("2026-05-13"), in the browser's time zone. */
function dateInputIn(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-05-13" → the end of that day, local time, as the API asks (ISO with offset); null when invalid. */
function endOfDay(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return Number.isNaN(d.getTime()) ? null : isoWithOffset(d);
}

/**
 * For admins: find a colleague and mark them as new until a date, or clear the mark.
 * Only whether someone counts as new shows here, never their progress.
 */
export function OnboardingNewHires({ onChanged }: { onChanged: (personId: string) => void }) {
  const styles = { ...useAdminListStyles(), ...useStyles() };
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const searching = q.length >= MIN_QUERY;
  const found = useEndpoint(ENDPOINTS.newHireCandidates, { query: { q } }, { enabled: searching, fresh: true });
  // A mark refreshes its row in place, without a spinner for the whole list.
  const [people, setPeople] = useState<NewHireCandidate[] | undefined>(undefined);
  const { busy, run } = useRowAction();
  useEffect(() => setPeople(searching ? found.data?.items : []), [found.data, searching]);

  const refreshRow = async (personId: string) => {
    try {
      const fresh = (await api.newHireCandidates({ query: { q } })).items.find((p) => p.id === personId);
      if (fresh) setPeople((list) => list?.map((p) => (p.id === personId ? fresh : p)));
    } catch {
      found.reload();
    }
  };

  const mark = (person: NewHireCandidate, until: string | null, date: string) =>
    run(person.id, async () => {
      await api.markNewHire({ params: { id: person.id }, body: { until } });
      notify('success', until ? t.newHiresMarkedToast(person.displayName, date) : t.newHiresClearedToast(person.displayName));
      await refreshRow(person.id);
      onChanged(person.id);
    });

  return (
    <AdminSection heading={t.newHiresHeading} intro={t.newHiresIntro} className={styles.root}>
      <Field label={t.newHiresSearch} hint={t.newHiresSearchHint} className={styles.search}>
        <SearchBox value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      {searching && (found.state === 'loading' || (found.state === 'ok' && !people)) ? <LoadingState /> : null}
      {searching && found.state === 'error' ? <ErrorState error={found.error} onRetry={found.reload} /> : null}
      {searching && found.state === 'ok' && people?.length === 0 ? (
        <Body1 as="p" block role="status" className={styles.intro}>
          {t.newHiresNobody}
        </Body1>
      ) : null}
      {searching && found.state === 'ok' && people && people.length > 0 ? (
        <ul className={styles.list} aria-label={t.newHiresHeading}>
          {people.map((p) => (
            <li key={p.id} className={styles.row}>
              <NewHireRow person={p} busy={busy === p.id} onMark={(until, date) => void mark(p, until, date)} />
            </li>
          ))}
        </ul>
      ) : null}
    </AdminSection>
  );
}

function NewHireRow({
  person,
  busy,
  onMark,
}: {
  person: NewHireCandidate;
  busy: boolean;
  onMark: (until: string | null, date: string) => void;
}) {
  const styles = { ...useAdminListStyles(), ...useStyles() };
  const { t, date } = useI18n();
  const [day, setDay] = useState(() => dateInputIn(DEFAULT_DAYS));
  const until = endOfDay(day);
  const name = person.displayName;
  return (
    <>
      <div className={styles.header}>
        <Body1 className={styles.name}>
          <strong>{name}</strong>
        </Body1>
        <Badge appearance={person.newHire ? 'tint' : 'outline'} color={person.newHire ? 'brand' : 'informative'}>
          {person.newHire ? t.newHiresUntilLine(date(person.newHireUntil)) : t.newHiresNotNew}
        </Badge>
      </div>
      {person.department || person.location ? (
        <Caption1 className={styles.meta}>{[person.department, person.location].filter(Boolean).join(' · ')}</Caption1>
      ) : null}
      <div className={styles.actions}>
        <Field
          label={t.newHiresUntilLabel}
          size="small"
          className={styles.date}
          validationMessage={until ? undefined : t.newHiresNoDate}
        >
          <Input
            type="date"
            size="small"
            value={day}
            min={dateInputIn(0)}
            aria-label={t.newHiresUntilAria(name)}
            onChange={(_, d) => setDay(d.value)}
          />
        </Field>
        <Button
          size="small"
          icon={<PersonAddRegular />}
          aria-label={t.newHiresMarkAria(name)}
          disabled={busy || !until}
          onClick={() => until && onMark(until, date(until))}
        >
          {t.newHiresMark}
        </Button>
        {person.marked ? (
          <Button size="small" icon={<DismissRegular />} aria-label={t.newHiresClearAria(name)} disabled={busy} onClick={() => onMark(null, '')}>
            {t.newHiresClear}
          </Button>
        ) : null}
      </div>
    </>
  );
}
