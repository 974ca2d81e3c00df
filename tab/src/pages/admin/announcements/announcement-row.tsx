import { Caption1, Caption1Strong, Card, Link, makeStyles, ProgressBar, Subtitle2, tokens } from '@fluentui/react-components';
import type { Announcement } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';
import { routeHash } from '../../../routing.js';
import { AnnouncementStatusBadge } from './announcement-status-badge.js';
import { handled, isActive, progressOf, reasonLabel, reasonsOf, subjectOf } from './announcement-view.js';
import { CancelAnnouncement } from './cancel-announcement.js';
import { DeliveryCounts } from './delivery-counts.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, marginRight: 'auto', overflowWrap: 'anywhere', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface AnnouncementRowProps {
  announcement: Announcement;
  cancelling: boolean;
  onCancel: () => void;
}

/** One announcement: what, when, how far, why some were not delivered, and cancel while it runs. */
export function AnnouncementRow({ announcement: a, cancelling, onCancel }: AnnouncementRowProps) {
  const styles = useStyles();
  const { t, dateTime, timeOrDateTime, number } = useI18n();
  const subject = subjectOf(a, t);
  const meta = [
    t.sendTime(dateTime(a.sendAt)),
    a.finishedAt && a.status === 'done' ? t.finishedAt(dateTime(a.finishedAt)) : null,
    a.cancelledAt ? t.cancelledAt(dateTime(a.cancelledAt)) : null,
  ].filter((s): s is string => s !== null);
  const pace =
    a.status === 'sending'
      ? [
          a.throughput !== null ? t.throughput(number(a.throughput, 1)) : null,
          a.expectedFinishAt ? t.expectedFinish(timeOrDateTime(a.expectedFinishAt)) : null,
        ].filter((s): s is string => s !== null)
      : [];
  const progressText =
    a.counts.total > 0
      ? t.progressLabel(number(handled(a.counts)), number(a.counts.total))
      : a.status === 'done'
        ? t.noRecipients
        : a.status === 'cancelled'
          ? null
          : t.recipientsLater;
  const reasons = reasonsOf(a);

  return (
    <Card className={styles.root} role="article" aria-label={subject}>
      <div className={styles.header}>
        <Subtitle2 as="h2" block className={styles.title}>
          {a.item ? <Link href={routeHash({ page: 'admin-edit', id: a.item.id })}>{subject}</Link> : subject}
        </Subtitle2>
        <AnnouncementStatusBadge status={a.status} />
      </div>
      <Caption1 className={styles.meta}>{meta.join(' · ')}</Caption1>
      <DeliveryCounts counts={a.counts} />
      <div className={styles.progress}>
        <ProgressBar
          thickness="large"
          value={progressOf(a)}
          max={1}
          color={a.status === 'done' ? 'success' : 'brand'}
          aria-label={progressText ?? t.countsLabel}
        />
        {progressText || pace.length > 0 ? <Caption1>{[progressText, ...pace].filter(Boolean).join(' · ')}</Caption1> : null}
      </div>
      {reasons.length > 0 ? (
        <div>
          <Caption1Strong>{t.reasonsHeading}</Caption1Strong>
          <ul className={styles.reasons}>
            {reasons.map(([reason, count]) => (
              <li key={reason}>
                <Caption1>{t.reasonLine(reasonLabel(reason, t), number(count))}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {isActive(a) ? (
        <div className={styles.actions}>
          <CancelAnnouncement subject={subject} busy={cancelling} onCancel={onCancel} />
        </div>
      ) : null}
    </Card>
  );
}
