import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { AdminItem, ItemStatus } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

const COLORS: Record<ItemStatus, BadgeProps['color']> = {
  draft: 'informative',
  scheduled: 'warning',
  published: 'success',
  archived: 'informative',
};

/** Status, the scheduled time, and whether employees can see it right now. */
export function StatusBadges({ item }: { item: Pick<AdminItem, 'status' | 'live' | 'publishAt'> }) {
  const { t, dateTime } = useI18n();
  const label =
    item.status === 'scheduled' && item.publishAt ? t.scheduledFor(dateTime(item.publishAt)) : t.statuses[item.status];
  return (
    <>
      <Badge appearance={item.status === 'draft' ? 'outline' : 'filled'} color={COLORS[item.status]}>
        {label}
      </Badge>
      {item.live ? (
        <Badge appearance="outline" color="success">
          {t.live}
        </Badge>
      ) : null}
    </>
  );
}
