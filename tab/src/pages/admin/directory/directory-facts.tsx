import { Badge, Body1, Caption1, Card, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import type { DirectoryStatus } from '@contract';
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 9rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: { alignItems: 'flex-start' },
  tileValue: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  error: { overflowWrap: 'anywhere' },
});

/** A section of the page with its h2. */
function Section({ heading, children }: { heading: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" block id={id} className={styles.heading}>
        {heading}
      </Subtitle2>
      {children}
    </section>
  );
}

/** Label and value pairs, side by side where there is room. */
function Facts({ facts }: { facts: Array<{ key: string; label: string; value: ReactNode }> }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {facts.map((f) => (
        <div key={f.key} className={styles.fact} data-fact={f.key}>
          <dt>
            <Caption1 className={styles.label}>{f.label}</Caption1>
          </dt>
          <dd className={styles.value}>
            <Body1>{f.value}</Body1>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Numbers as tiles: the label, the number, a hint under it. */
function Counts({ label, counts }: { label: string; counts: Array<{ key: string; label: string; value: number | undefined; hint?: string }> }) {
  const styles = useStyles();
  const { number } = useI18n();
  return (
    <dl className={styles.tiles} aria-label={label}>
      {counts.map((c) => (
        <Card key={c.key} className={styles.tile} size="small" data-count={c.key}>
          <dt>
            <Caption1 className={styles.label}>{c.label}</Caption1>
          </dt>
          <dd className={styles.tileValue}>
            <Title2>{c.value === undefined ? '—' : number(c.value)}</Title2>
            {c.hint ? <Caption1 className={styles.muted}>{c.hint}</Caption1> : null}
          </dd>
        </Card>
      ))}
    </dl>
  );
}

/** The last round: when it finished, full or changes only, how it went, and its error. */
export function LastSync({ status }: { status: DirectoryStatus }) {
  const styles = useStyles();
  const { t, dateTime, timeOrDateTime } = useI18n();
  const finished = status.lastFinishedAt;
  const facts = [];
  if (finished) {
    facts.push({ key: 'finished', label: t.directoryFinished, value: dateTime(finished) });
    if (status.lastStatus === 'ok') facts.push({ key: 'kind', label: t.directoryKind, value: status.lastFullAt === finished ? t.directoryKindFull : t.directoryKindDelta });
    facts.push({
      key: 'status',
      label: t.directoryStatus,
      value: (
        <Badge appearance="tint" color={status.lastStatus === 'ok' ? 'success' : 'danger'}>
          {status.lastStatus === 'ok' ? t.directoryStatusOk : t.directoryStatusError}
        </Badge>
      ),
    });
    facts.push({ key: 'full', label: t.directoryLastFull, value: status.lastFullAt ? dateTime(status.lastFullAt) : t.directoryNever });
  }
  return (
    <Section heading={t.directoryLastHeading}>
      {status.running && status.lastStartedAt ? <Spinner size="tiny" labelPosition="after" label={t.directoryRunningSince(timeOrDateTime(status.lastStartedAt))} /> : null}
      {finished ? (
        <Facts facts={facts} />
      ) : (
        <Body1 as="p" className={styles.value} data-fact="never">
          <strong>{t.directoryNotRunYet}</strong> — {t.directoryNotRunYetBody}
        </Body1>
      )}
      {finished && status.lastStatus === 'error' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.error}>
            <MessageBarTitle>{t.directoryError}</MessageBarTitle>
            {status.lastError ?? t.errorTitle}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}

/** How many people Chorus knows, how many the directory gave it, and how many left. */
export function PeopleCounts({ status }: { status: DirectoryStatus }) {
  const { t } = useI18n();
  return (
    <Section heading={t.directoryPeopleHeading}>
      <Counts
        label={t.directoryPeopleHeading}
        counts={[
          { key: 'total', label: t.directoryPeopleTotal, value: status.people.total, hint: t.directoryPeopleTotalHint },
          { key: 'fromDirectory', label: t.directoryPeopleFromDirectory, value: status.people.fromDirectory },
          { key: 'peopleLeft', label: t.directoryPeopleLeft, value: status.people.left },
        ]}
      />
    </Section>
  );
}

/** What the last round changed; nothing until a round has finished. */
export function LastChanges({ status }: { status: DirectoryStatus }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (!status.lastFinishedAt) return null;
  const c = status.lastCounts;
  return (
    <Section heading={t.directoryChangesHeading}>
      <Counts
        label={t.directoryChangesHeading}
        counts={[
          { key: 'created', label: t.directoryCreated, value: c.created },
          { key: 'updated', label: t.directoryUpdated, value: c.updated },
          { key: 'left', label: t.directoryLeftCount, value: c.left },
          { key: 'skipped', label: t.directorySkipped, value: c.skipped, hint: t.directorySkippedHint },
        ]}
      />
      {c.seen !== undefined && c.pages !== undefined ? (
        <Caption1 as="p" className={styles.muted}>
          {t.directoryRead(c.seen, c.pages)}
        </Caption1>
      ) : null}
    </Section>
  );
}

/** When rounds run, and whom they read. */
export function Schedule({ status }: { status: DirectoryStatus }) {
  const { t } = useI18n();
  const every = status.everyMinutes;
  return (
    <Section heading={t.directoryScheduleHeading}>
      <Facts
        facts={[
          { key: 'schedule', label: t.directoryWhen, value: every === null ? t.directoryScheduleNone : every === 0 ? t.directoryOnDemand : t.directoryEvery(every) },
          { key: 'scope', label: t.directoryScope, value: status.groupId ? t.directoryGroup(status.groupId) : t.directoryWholeDirectory },
        ]}
      />
    </Section>
  );
}
