import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { CrisisAuditEntry } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  when: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
});

/** Who switched crisis mode on or off, and when; newest first as the server sends it. */
export function CrisisAuditList({ items }: { items: CrisisAuditEntry[] }) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  return (
    <section aria-label={t.crisisAuditHeading}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {t.crisisAuditHeading}
      </Subtitle2>
      {items.length === 0 ? (
        <Body1 as="p" block>
          {t.crisisAuditEmpty}
        </Body1>
      ) : (
        <ul className={styles.list}>
          {items.map((entry) => (
            <li key={entry.id}>
              <Body1>{entry.action === 'on' ? t.crisisAuditOn(entry.actor) : t.crisisAuditOff(entry.actor)}</Body1>{' '}
              <Caption1 className={styles.when}>{dateTime(entry.at)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
