import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { GUIDELINE_BODY_MAX, GUIDELINE_NOTE_MAX, GUIDELINE_TITLE_MAX, type AdminGuideline, type Language } from '@contract';
import { useState } from 'react';
import { ApiError } from '../../api.js';
import { errorText } from '../../components/error-state.js';
import { useNotify } from '../../components/use-notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  body: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Bilingual = Record<Language, string>;
const EMPTY: Bilingual = { de: '', en: '' };

/** The server's message for a field, or for any of its sub-fields (`body.de` for `body`). */
function fieldError(fields: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(fields).find((k) => k === name || k.startsWith(`${name}.`) || (name.includes('.') && k === name.split('.')[0]));
  return key ? fields[key] : undefined;
}
const fieldProps = (error: string | undefined) => ({ validationMessage: error, validationState: error ? ('error' as const) : ('none' as const) });

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
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setFields({});
    try {
      if (page) {
        const saved = await api.saveGuideline(page.id, { baseVersion: page.current.version, title, body, changeNote: note });
        notify(saved.created ? 'success' : 'info', saved.created ? t.guidelineSavedToast(saved.current.version) : t.guidelineUnchangedToast);
        onSaved(saved);
      } else {
        const created = await api.createGuideline({ slug, title, body, changeNote: note });
        notify('success', t.guidelineSavedToast(created.current.version));
        onSaved(created);
      }
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        setFields(err.fields);
        notify('error', t.guidelineInvalid);
      } else {
        notify('error', errorText(err, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const text = (value: Bilingual, set: (v: Bilingual) => void, lang: Language) => ({
    value: value[lang],
    onChange: (_: unknown, d: { value: string }) => set({ ...value, [lang]: d.value }),
  });

  return (
    <form
      className={styles.form}
      aria-label={page ? t.guidelineFormAria(page.current.title.en || page.current.title.de) : t.guidelineNewFormAria}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {page ? null : (
        <Field label={t.guidelineFieldSlug} hint={t.guidelineSlugHint} required {...fieldProps(fieldError(fields, 'slug'))}>
          <Input value={slug} onChange={(_, d) => setSlug(d.value)} maxLength={60} />
        </Field>
      )}
      <Field label={t.guidelineFieldTitleDe} {...fieldProps(fieldError(fields, 'title.de'))}>
        <Input {...text(title, setTitle, 'de')} maxLength={GUIDELINE_TITLE_MAX} />
      </Field>
      <Field label={t.guidelineFieldBodyDe} hint={t.guidelineBodyHint} {...fieldProps(fieldError(fields, 'body.de'))}>
        <Textarea className={styles.body} {...text(body, setBody, 'de')} resize="vertical" rows={10} maxLength={GUIDELINE_BODY_MAX} />
      </Field>
      <Field label={t.guidelineFieldTitleEn} {...fieldProps(fieldError(fields, 'title.en'))}>
        <Input {...text(title, setTitle, 'en')} maxLength={GUIDELINE_TITLE_MAX} />
      </Field>
      <Field label={t.guidelineFieldBodyEn} {...fieldProps(fieldError(fields, 'body.en'))}>
        <Textarea className={styles.body} {...text(body, setBody, 'en')} resize="vertical" rows={10} maxLength={GUIDELINE_BODY_MAX} />
      </Field>
      <Field label={t.guidelineFieldNoteDe} hint={t.guidelineNoteHint} {...fieldProps(fieldError(fields, 'changeNote.de'))}>
        <Input {...text(note, setNote, 'de')} maxLength={GUIDELINE_NOTE_MAX} />
      </Field>
      <Field label={t.guidelineFieldNoteEn} {...fieldProps(fieldError(fields, 'changeNote.en'))}>
        <Input {...text(note, setNote, 'en')} maxLength={GUIDELINE_NOTE_MAX} />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={busy}>
          {page ? t.guidelineSave : t.guidelineCreate}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
