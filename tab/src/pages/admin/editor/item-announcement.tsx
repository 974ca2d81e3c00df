import { Caption1, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { AdminItem, Announcement } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';
import { routeHash } from '../../../routing.js';
import { AnnouncementStatusBadge } from '../announcements/announcement-status-badge.js';
import type { AnnounceRequest } from './announce-choice-model.js';
import { AnnounceDialog } from './announce-dialog.js';
import type { AnnounceOutcome } from './use-item-editor.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** May this item be announced now? Published or scheduled, not expired, and not announced (or only cancelled). */
export function canAnnounce(item: Pick<AdminItem, 'status' | 'expiresAt'>, announcement: Announcement | null, now = Date.now()): boolean {
  const announceable = item.status === 'published' || item.status === 'scheduled';
  const expired = item.expiresAt !== null && new Date(item.expiresAt).getTime() <= now;
  return announceable && !expired && (announcement === null || announcement.status === 'cancelled');
}

export interface ItemAnnouncementProps {
  item: AdminItem | null;
  announcement: Announcement | null;
  busy: boolean;
  onAnnounce: (request: NonNullable<AnnounceRequest>) => Promise<AnnounceOutcome>;
}

/** The item's announcement (status, progress, a link to all of them), or "Announce" when it has none. */
export function ItemAnnouncement({ item, announcement, busy, onAnnounce }: ItemAnnouncementProps) {
  const styles = useStyles();
  const { t, dateTime, number } = useI18n();
  const offer = item !== null && canAnnounce(item, announcement);
  if (!announcement && !offer) return null;
  return (
    <section className={styles.root} aria-label={t.announcementHeading}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t.announcementHeading}
        {announcement ? <AnnouncementStatusBadge status={announcement.status} /> : null}
      </Subtitle2>
      {announcement ? (
        <Caption1 className={styles.meta}>
          {[
            t.sendTime(dateTime(announcement.sendAt)),
            announcement.counts.total > 0
              ? t.announcementSummary(number(announcement.counts.sent), number(announcement.counts.total))
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Caption1>
      ) : null}
      <div className={styles.actions}>
        {offer && item ? <AnnounceDialog item={item} busy={busy} onAnnounce={onAnnounce} /> : null}
        {announcement ? <Link href={routeHash({ page: 'admin-announcements' })}>{t.openAnnouncements}</Link> : null}
      </div>
    </section>
  );
}
