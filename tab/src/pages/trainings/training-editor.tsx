import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Textarea } from '@fluentui/react-components';
import { LANGUAGES, type AudienceChoices, type FieldWarning, type SavedTraining, type Training } from '@contract';
import { useId, useMemo, useState } from 'react';
import { useAdminFormStyles } from '../../components/admin-styles.js';
import { AdminForm } from '../../components/admin-form.js';
import { fieldProps } from '../../components/form-fields.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { AudienceValues } from '../admin/editor/audience-values.js';
import { fieldError, newTrainingForm, trainingFormOf, trainingInputOf, type TrainingForm } from './training-form-model.js';
import { browserTimeZone } from './training-time.js';

/** Every IANA zone the browser knows, for the time-zone suggestions. */
function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

export interface TrainingEditorProps {
  /** The session to change; undefined for a new one. */
  training?: Training;
  audiences: AudienceChoices;
  /** Saved; with warnings the editor stays open to show them, and goes on editing the saved session. */
  onSaved: (saved: SavedTraining) => void;
  onCancel: () => void;
}

/** Create or change a session; times are typed in the admin's own zone and sent as instants. */
export function TrainingEditor({ training, audiences, onSaved, onCancel }: TrainingEditorProps) {
  const styles = useAdminFormStyles();
  const { t, lang } = useI18n();
  const { api, me } = useSession();
  const notify = useNotify();
  const zonesId = useId();
  const zones = useMemo(knownZones, []);
  const [form, setForm] = useState<TrainingForm>(() => (training ? trainingFormOf(training) : newTrainingForm(lang, me.displayName)));
  const { fields, busy, save, refuse } = useSaveForm(t.trainingInvalid);
  // After a save with warnings (an audience of nobody): what was saved, and the warnings, shown anew each save.
  const [savedAs, setSavedAs] = useState<Training>();
  const [warnings, setWarnings] = useState<{ round: number; list: FieldWarning[] }>({ round: 0, list: [] });
  const current = savedAs ?? training;

  const set = <K extends keyof TrainingForm>(key: K, value: TrainingForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A changed value answers its own warning ("nobody holds Sales (old)"); whether anyone is in the audience is asked again on saving.
    setWarnings((w) => ({ ...w, list: w.list.filter((x) => x.field !== `audience.${key}`) }));
  };
  const text = (key: 'title' | 'description' | 'start' | 'end' | 'timeZone' | 'meetingUrl' | 'room' | 'capacity' | 'host' | 'materialsUrl') => ({
    value: form[key],
    onChange: (_: unknown, d: { value: string }) => set(key, d.value),
  });
  const error = (name: string) => fieldProps(fieldError(fields, name));

  const submit = async () => {
    const parsed = trainingInputOf(form, t.required);
    if ('errors' in parsed) return refuse(parsed.errors);
    await save(async () => {
      const saved = current ? await api.updateTraining({ params: { id: current.id }, body: parsed.input }) : await api.createTraining({ body: parsed.input });
      notify('success', current ? t.trainingSavedToast : t.trainingCreatedToast);
      setSavedAs(saved.training);
      setWarnings((w) => ({ round: w.round + 1, list: saved.warnings }));
      onSaved(saved);
    });
  };

  return (
    <AdminForm
      label={current ? t.trainingFormAria(current.title) : t.trainingNewFormAria}
      submitLabel={current ? t.trainingSave : t.trainingCreate}
      cancelLabel={savedAs ? t.close : undefined}
      busy={busy}
      noValidate
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {warnings.list.length > 0 ? (
        // A new bar per save, so screen readers hear it again.
        <MessageBar key={warnings.round} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.trainingSavedWarnings}</MessageBarTitle>
            {warnings.list.map((w) => (
              <div key={w.field}>{w.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t.trainingFieldTitle} required {...error('title')}>
        <Input {...text('title')} maxLength={140} />
      </Field>
      <Field label={t.trainingFieldDescription} {...error('description')}>
        <Textarea {...text('description')} resize="vertical" rows={3} maxLength={2000} />
      </Field>
      <div className={styles.pair}>
        <Field label={t.trainingFieldStart} hint={t.trainingTimesHint(browserTimeZone())} required {...error('startsAt')}>
          <Input type="datetime-local" {...text('start')} />
        </Field>
        <Field label={t.trainingFieldEnd} required {...error('endsAt')}>
          <Input type="datetime-local" {...text('end')} />
        </Field>
      </div>
      <Field label={t.trainingFieldTimeZone} hint={t.trainingTimeZoneHint} required {...error('timeZone')}>
        <Input {...text('timeZone')} list={zones.length > 0 ? zonesId : undefined} maxLength={64} />
      </Field>
      {zones.length > 0 ? (
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      ) : null}
      <div className={styles.pair}>
        <Field label={t.trainingFieldMeetingUrl} hint={t.trainingPlaceHint} {...error('meetingUrl')}>
          <Input type="url" {...text('meetingUrl')} maxLength={2048} />
        </Field>
        <Field label={t.trainingFieldRoom} {...error('room')}>
          <Input {...text('room')} maxLength={200} />
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label={t.trainingFieldCapacity} required {...error('capacity')}>
          <Input type="number" min={1} max={10000} step={1} {...text('capacity')} />
        </Field>
        <Field label={t.fieldLanguage} {...error('language')}>
          <Select value={form.language} onChange={(_, d) => set('language', d.value === 'de' ? 'de' : 'en')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t.languageNames[l]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t.trainingFieldHost} required {...error('host')}>
        <Input {...text('host')} maxLength={120} />
      </Field>
      <AudienceValues
        value={{ departments: form.departments, locations: form.locations }}
        suggestions={audiences}
        errorOf={(key) => fieldError(fields, `audience.${key}`)}
        onChange={set}
      />
      <Field label={t.trainingFieldMaterials} hint={t.trainingMaterialsHint} {...error('materialsUrl')}>
        <Input type="url" {...text('materialsUrl')} maxLength={2048} />
      </Field>
    </AdminForm>
  );
}
