import { Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { GUIDELINE_BODY_MAX, GUIDELINE_NOTE_MAX, GUIDELINE_TITLE_MAX, type AdminGuideline } from '@contract';
import { useState } from 'react';
import { AdminForm } from '../../components/admin-form.js';
import { fieldProps, bilingualInput, type Bilingual } from '../../components/form-fields.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';

const useStyles = makeStyles({
  body: { fontFamily: tokens.fontFamilyMonospace },
});

const EMPTY: Bilingual = { de: '', en: '' };

/** The server's message for a field, or for any of its sub-fields (`body.de` for `body`). */
function fieldError(fields: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(fields).find((k) => k === name || k.startsWith(`${name}.`) || (name.includes('.') && k === name.split('.')[0]));
  return key ? fields[key] : undefined;
}

export interface GuidelineEditorProps {
  /** The page to write a new version of; undefined for a new page. */
  page?: AdminGuideline;
  onSaved: (saved: AdminGuideline) => void;
  onCancel: () => void;
}

/** Title, Markdown text and a change note in both languages; saving makes a new version. */
export function GuidelineEditor({ page, onSaved, onCancel }: GuidelineEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState<Bilingual>(page?.current.title ?? EMPTY);
  const [body, setBody] = useState<Bilingual>(page?.current.body ?? EMPTY);
  // A change note belongs to one save: it starts empty every time.
  const [note, setNote] = useState<Bilingual>(EMPTY);
  const { fields, busy, save } = useSaveForm(t.guidelineInvalid);

  const submit = () =>
    save(async () => {
      if (page) {
        const saved = await api.saveGuideline({ params: { id: page.id }, body: { baseVersion: page.current.version, title, body, changeNote: note } });
        notify(saved.created ? 'success' : 'info', saved.created ? t.guidelineSavedToast(saved.current.version) : t.guidelineUnchangedToast);
        onSaved(saved);
      } else {
        const created = await api.createGuideline({ body: { slug, title, body, changeNote: note } });
        notify('success', t.guidelineSavedToast(created.current.version));
        onSaved(created);
      }
    });

  return (
    <AdminForm
      label={page ? t.guidelineFormAria(page.current.title.en || page.current.title.de) : t.guidelineNewFormAria}
      submitLabel={page ? t.guidelineSave : t.guidelineCreate}
      busy={busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {page ? null : (
        <Field label={t.guidelineFieldSlug} hint={t.guidelineSlugHint} required {...fieldProps(fieldError(fields, 'slug'))}>
          <Input value={slug} onChange={(_, d) => setSlug(d.value)} maxLength={60} />
        </Field>
      )}
      <Field label={t.guidelineFieldTitleDe} {...fieldProps(fieldError(fields, 'title.de'))}>
        <Input {...bilingualInput(title, setTitle, 'de')} maxLength={GUIDELINE_TITLE_MAX} />
      </Field>
      <Field label={t.guidelineFieldBodyDe} hint={t.guidelineBodyHint} {...fieldProps(fieldError(fields, 'body.de'))}>
        <Textarea className={styles.body} {...bilingualInput(body, setBody, 'de')} resize="vertical" rows={10} maxLength={GUIDELINE_BODY_MAX} />
      </Field>
      <Field label={t.guidelineFieldTitleEn} {...fieldProps(fieldError(fields, 'title.en'))}>
        <Input {...bilingualInput(title, setTitle, 'en')} maxLength={GUIDELINE_TITLE_MAX} />
      </Field>
      <Field label={t.guidelineFieldBodyEn} {...fieldProps(fieldError(fields, 'body.en'))}>
        <Textarea className={styles.body} {...bilingualInput(body, setBody, 'en')} resize="vertical" rows={10} maxLength={GUIDELINE_BODY_MAX} />
      </Field>
      <Field label={t.guidelineFieldNoteDe} hint={t.guidelineNoteHint} {...fieldProps(fieldError(fields, 'changeNote.de'))}>
        <Input {...bilingualInput(note, setNote, 'de')} maxLength={GUIDELINE_NOTE_MAX} />
      </Field>
      <Field label={t.guidelineFieldNoteEn} {...fieldProps(fieldError(fields, 'changeNote.en'))}>
        <Input {...bilingualInput(note, setNote, 'en')} maxLength={GUIDELINE_NOTE_MAX} />
      </Field>
    </AdminForm>
  );
}
