import { Button } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useAdminFormStyles } from './admin-styles.js';

export interface AdminFormProps {
  /** The form's accessible name ("Edit: Social media basics"). */
  label: string;
  /** The primary button's text ("Save", "Create"). */
  submitLabel: string;
  /** The secondary button's text: "Cancel" unless given ("Close" once the form has saved). */
  cancelLabel?: string;
  busy: boolean;
  /** Leave required fields to our own check and the server's, not the browser's bubbles. */
  noValidate?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The framed form that opens in an admin list: its fields, then Save and Cancel. */
export function AdminForm({ label, submitLabel, cancelLabel, busy, noValidate, onSubmit, onCancel, children }: AdminFormProps) {
  const styles = useAdminFormStyles();
  const { t } = useI18n();
  return (
    <form
      className={styles.form}
      aria-label={label}
      noValidate={noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={busy}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {cancelLabel ?? t.cancel}
        </Button>
      </div>
    </form>
  );
}
