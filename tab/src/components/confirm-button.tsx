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
import { useState, type ReactElement } from 'react';

export interface ConfirmButtonProps {
  icon: ReactElement;
  /** The button's text, and the confirming button's too. */
  label: string;
  ariaLabel?: string;
  disabled?: boolean;
  title: string;
  body: string;
  /** The button that changes nothing ("Cancel", "Keep it"). */
  keepLabel: string;
  onConfirm: () => void;
}

/** A button whose action happens only after a dialog says what it will do. */
export function ConfirmButton({ icon, label, ariaLabel, disabled, title, body, keepLabel, onConfirm }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={icon} disabled={disabled} aria-label={ariaLabel}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{keepLabel}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {label}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
