import { DismissCircleRegular } from '@fluentui/react-icons';
import { ConfirmButton } from '../../../components/confirm-button.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** "Cancel announcement", after a confirmation that says sent cards stay sent. */
export function CancelAnnouncement({ subject, busy, onCancel }: { subject: string; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <ConfirmButton
      icon={<DismissCircleRegular />}
      label={t.cancelAnnouncement}
      ariaLabel={t.cancelAnnouncementAria(subject)}
      disabled={busy}
      title={t.cancelAnnouncementTitle}
      body={t.cancelAnnouncementBody}
      keepLabel={t.keepAnnouncement}
      onConfirm={onCancel}
    />
  );
}
