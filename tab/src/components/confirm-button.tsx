import { Button } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { ActionDialog } from './action-dialog.js';

export interface ConfirmButtonProps {
  icon: ReactElement;
  /** The button's text, and the confirming button's too. */
  label: string;
  ariaLabel?: string;
  disabled?: boolean;
  title: string;
  body: string;
  /** Said first, above the body, when the action may not do what one expects (an audience of nobody). */
  warning?: string;
  /** The button that changes nothing ("Cancel", "Keep it"). */
  keepLabel: string;
  onConfirm: () => void;
}

/** A button whose action happens only after a dialog says what it will do. */
export function ConfirmButton({ icon, label, ariaLabel, disabled, title, body, warning, keepLabel, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <ActionDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button icon={icon} disabled={disabled} aria-label={ariaLabel}>
          {label}
        </Button>
      }
      title={title}
      warning={warning}
      cancelLabel={keepLabel}
      confirmLabel={label}
      onConfirm={() => {
        setOpen(false);
        onConfirm();
      }}
    >
      {body}
    </ActionDialog>
  );
}
