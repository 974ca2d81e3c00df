import { useState } from 'react';
import { ActionDialog } from '../../../components/action-dialog.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { PublishCheck } from './use-item-editor.js';

export interface PublishCheckDialogProps {
  check: PublishCheck | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asked before an item is published (now or at a time) whose audience reaches nobody or names
 * values nobody holds (issue 14 §2): nothing is saved until the admin answers.
 */
export function PublishCheckDialog({ check, onConfirm, onCancel }: PublishCheckDialogProps) {
  const { t } = useI18n();
  // The last question stays in the dialog while it closes, instead of emptying before it is gone.
  const [shown, setShown] = useState(check);
  if (check !== null && check !== shown) setShown(check);
  const scheduling = shown?.at !== undefined;
  return (
    <ActionDialog
      open={check !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={scheduling ? t.scheduleCheckTitle : t.publishCheckTitle}
      warning={shown?.warning}
      cancelLabel={t.backToEditing}
      confirmLabel={scheduling ? t.scheduleAnyway : t.publishAnyway}
      onConfirm={onConfirm}
    >
      {t.publishCheckBody}
    </ActionDialog>
  );
}
