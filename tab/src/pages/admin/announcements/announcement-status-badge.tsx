import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { AnnouncementStatus } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';

const COLORS: Record<AnnouncementStatus, BadgeProps['color']> = {
  scheduled: 'warning',
  sending: 'brand',
  done: 'success',
  cancelled: 'informative',
};

export function AnnouncementStatusBadge({ status }: { status: AnnouncementStatus }) {
  const { t } = useI18n();
  return (
    <Badge appearance={status === 'cancelled' ? 'outline' : 'filled'} color={COLORS[status]}>
      {t.announcementStatuses[status]}
    </Badge>
  );
}
