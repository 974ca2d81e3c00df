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
  /** The button that opens the dialog; none when the caller opens it (a check that found something to ask). */
  trigger?: ReactElement;
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

/** A button that opens a dialog saying what will happen (or a dialog its caller opens), with Cancel and the action itself. */
export function ActionDialog({ open, onOpenChange, trigger, title, warning, children, cancelLabel, confirmLabel, confirmDisabled, onConfirm }: ActionDialogProps) {
  const styles = useStyles();
  const surface = (
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
  );
  const change = (_: unknown, data: { open: boolean }) => onOpenChange(data.open);
  if (!trigger) {
    return (
      <Dialog open={open} onOpenChange={change}>
        {surface}
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {surface}
    </Dialog>
  );
}
