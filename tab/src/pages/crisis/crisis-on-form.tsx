import { Body1, Checkbox, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import type { CrisisOnInput } from '@contract';
import { useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.js';
import { fieldProps } from '../../components/form-fields.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The server's message for a field, or for any of its sub-fields (`instructions.de`). */
function fieldError(fields: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(fields).find((k) => k === name || k.startsWith(`${name}.`));
  return key ? fields[key] : undefined;
}

export interface CrisisOnFormProps {
  onSwitchOn: (input: CrisisOnInput) => Promise<void>;
  /** Cards delivered within this many days are updated in place on the switch; 0: none. */
  cardUpdateDays: number;
}

/** Switching crisis mode on: what employees should do, and a dialog that says what happens. */
export function CrisisOnForm({ onSwitchOn, cardUpdateDays }: CrisisOnFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [de, setDe] = useState('');
  const [en, setEn] = useState('');
  const [statementUrl, setStatementUrl] = useState('');
  const [spokesperson, setSpokesperson] = useState('');
  const [notifyEveryone, setNotifyEveryone] = useState(false);
  const [redirectLinks, setRedirectLinks] = useState(false);
  const { fields, busy, save } = useSaveForm(t.crisisSwitchOnInvalid);

  const submit = () =>
    save(async () => {
      await onSwitchOn({
        reason,
        instructions: { de, en },
        ...(statementUrl.trim() ? { statementUrl } : {}),
        ...(spokesperson.trim() ? { spokesperson } : {}),
        notifyEveryone,
        redirectLinks,
      });
      notify('success', t.crisisSwitchedOnToast);
    });

  const instructionsError = fieldError(fields, 'instructions');
  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()} aria-label={t.crisisSwitchOn}>
      <Body1 as="p" block className={styles.intro}>
        {t.crisisAdminOffIntro}
      </Body1>
      <Field label={t.crisisFieldReason} required {...fieldProps(fieldError(fields, 'reason'))}>
        <Input value={reason} onChange={(_, d) => setReason(d.value)} maxLength={500} />
      </Field>
      <Field label={t.crisisFieldInstructionsDe} hint={t.crisisInstructionsHint} {...fieldProps(instructionsError)}>
        <Textarea value={de} onChange={(_, d) => setDe(d.value)} resize="vertical" rows={5} maxLength={5000} />
      </Field>
      <Field label={t.crisisFieldInstructionsEn} {...fieldProps(instructionsError)}>
        <Textarea value={en} onChange={(_, d) => setEn(d.value)} resize="vertical" rows={5} maxLength={5000} />
      </Field>
      <Field label={t.crisisFieldStatementUrl} {...fieldProps(fieldError(fields, 'statementUrl'))}>
        <Input type="url" value={statementUrl} onChange={(_, d) => setStatementUrl(d.value)} maxLength={2048} />
      </Field>
      <Field label={t.crisisFieldSpokesperson} {...fieldProps(fieldError(fields, 'spokesperson'))}>
        <Input value={spokesperson} onChange={(_, d) => setSpokesperson(d.value)} maxLength={200} />
      </Field>
      <Checkbox label={t.crisisFieldNotifyEveryone} checked={notifyEveryone} onChange={(_, d) => setNotifyEveryone(d.checked === true)} />
      <Checkbox label={t.crisisFieldRedirectLinks} checked={redirectLinks} onChange={(_, d) => setRedirectLinks(d.checked === true)} />
      <div className={styles.actions}>
        <ConfirmButton
          icon={<WarningRegular />}
          label={t.crisisSwitchOn}
          disabled={busy}
          title={t.crisisSwitchOnTitle}
          body={t.crisisSwitchOnBody({ notify: notifyEveryone, redirect: redirectLinks, cardUpdateDays })}
          keepLabel={t.cancel}
          onConfirm={() => void submit()}
        />
      </div>
    </form>
  );
}
