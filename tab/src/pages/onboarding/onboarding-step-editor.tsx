import { Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { ONBOARDING_STEP_KINDS, type OnboardingStepAdmin, type OnboardingStepInput, type OnboardingStepKind } from '@contract';
import { useState } from 'react';
import { useAdminFormStyles } from '../../components/admin-styles.js';
import { AdminForm } from '../../components/admin-form.js';
import { fieldProps, bilingualInput, type Bilingual } from '../../components/form-fields.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';

const useStyles = makeStyles({
  body: { fontFamily: tokens.fontFamilyMonospace },
});

/** The server's message for a field; the title's "one language required" belongs to both titles. */
function fieldError(fields: Record<string, string>, name: string): string | undefined {
  return fields[name] ?? (name.startsWith('title.') ? fields.title : undefined);
}

export interface OnboardingStepEditorProps {
  /** The step to change; undefined for a new one. */
  step?: OnboardingStepAdmin;
  /** Where a new step goes: after the last one. */
  nextPosition: number;
  onSaved: () => void;
  onCancel: () => void;
}

/** Kind, titles and tips in both languages, link and position of one checklist step. */
export function OnboardingStepEditor({ step, nextPosition, onSaved, onCancel }: OnboardingStepEditorProps) {
  const styles = { ...useAdminFormStyles(), ...useStyles() };
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const [kind, setKind] = useState<OnboardingStepKind>(step?.kind ?? 'manual');
  const [title, setTitle] = useState<Bilingual>(step?.title ?? { de: '', en: '' });
  const [body, setBody] = useState<Bilingual>(step?.body ?? { de: '', en: '' });
  const [linkUrl, setLinkUrl] = useState(step?.linkUrl ?? '');
  const [position, setPosition] = useState(String(step?.position ?? nextPosition));
  const { fields, busy, save, refuse } = useSaveForm(t.onboardingInvalid);

  const submit = async () => {
    if (position.trim() === '') return refuse({ position: t.required });
    const input: OnboardingStepInput = { kind, title, body, linkUrl: linkUrl.trim() || null, position: Number(position) };
    await save(async () => {
      await (step ? api.updateOnboardingStep({ params: { id: step.id }, body: input }) : api.createOnboardingStep({ body: input }));
      notify('success', step ? t.onboardingStepSavedToast : t.onboardingStepCreatedToast);
      onSaved();
    });
  };

  const error = (name: string) => fieldProps(fieldError(fields, name));

  return (
    <AdminForm
      label={step ? t.onboardingStepFormAria(step.title.en || step.title.de) : t.onboardingStepNewFormAria}
      submitLabel={step ? t.onboardingStepSave : t.onboardingStepCreate}
      busy={busy}
      noValidate
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <Field label={t.onboardingFieldKind} {...error('kind')}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as OnboardingStepKind)}>
          {ONBOARDING_STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.onboardingKinds[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.onboardingFieldTitleDe} hint={t.onboardingTitleHint} {...error('title.de')}>
        <Input {...bilingualInput(title, setTitle, 'de')} maxLength={140} />
      </Field>
      <Field label={t.onboardingFieldTitleEn} {...error('title.en')}>
        <Input {...bilingualInput(title, setTitle, 'en')} maxLength={140} />
      </Field>
      <Field label={t.onboardingFieldBodyDe} hint={t.onboardingBodyHint} {...error('body.de')}>
        <Textarea className={styles.body} {...bilingualInput(body, setBody, 'de')} resize="vertical" rows={4} maxLength={4000} />
      </Field>
      <Field label={t.onboardingFieldBodyEn} {...error('body.en')}>
        <Textarea className={styles.body} {...bilingualInput(body, setBody, 'en')} resize="vertical" rows={4} maxLength={4000} />
      </Field>
      <div className={styles.pair}>
        <Field label={t.onboardingFieldLink} hint={t.onboardingLinkHint} {...error('linkUrl')}>
          <Input type="url" value={linkUrl} onChange={(_, d) => setLinkUrl(d.value)} maxLength={2048} />
        </Field>
        <Field label={t.onboardingFieldPosition} hint={t.onboardingPositionHint} required {...error('position')}>
          <Input type="number" min={0} max={1000} step={1} value={position} onChange={(_, d) => setPosition(d.value)} />
        </Field>
      </div>
    </AdminForm>
  );
}
