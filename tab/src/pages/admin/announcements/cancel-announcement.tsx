import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';

/** "Cancel announcement", after a confirmation that says sent cards stay sent. */
export function CancelAnnouncement({ subject, busy, onCancel }: { subject: string; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<DismissCircleRegular />} disabled={busy} aria-label={t.cancelAnnouncementAria(subject)}>
          {t.cancelAnnouncement}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.cancelAnnouncementTitle}</DialogTitle>
          <DialogContent>{t.cancelAnnouncementBody}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t.keepAnnouncement}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onCancel();
              }}
            >
              {t.cancelAnnouncement}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
