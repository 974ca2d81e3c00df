import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';

const useStyles = makeStyles({ warning: { marginBottom: tokens.spacingVerticalM } });

export interface ActionDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  /** Said first, above the rest, when the action may not do what one expects (an audience of nobody). */
  warning?: string;
  children: ReactNode;
  /** The button that changes nothing ("Cancel", "Keep it"). */
  cancelLabel: string;
  confirmLabel: string;
  confirmDisabled?: boolean;
  /** The dialog stays open until the caller closes it (a refusal may show inside). */
  onConfirm: () => void;
}

/** A button that opens a dialog saying what will happen, with Cancel and the action itself. */
export function ActionDialog({ open, onOpenChange, trigger, title, warning, children, cancelLabel, confirmLabel, confirmDisabled, onConfirm }: ActionDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={open} onOpenChange={(_, data) => onOpenChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {warning ? (
              <MessageBar intent="warning" layout="multiline" className={styles.warning}>
                <MessageBarBody>{warning}</MessageBarBody>
              </MessageBar>
            ) : null}
            {children}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{cancelLabel}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={confirmDisabled} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
