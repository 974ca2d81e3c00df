import { Dropdown, Field, Input, makeStyles, Option, Textarea, tokens } from '@fluentui/react-components';
import { ITEM_KINDS, LANGUAGES, type Topic } from '@contract';
import { ChoiceDropdown } from '../../../components/choice-dropdown.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { validation, type Messages } from './field-messages.js';
import type { ItemForm } from './item-form-model.js';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  dropdown: { minWidth: 0, width: '100%' },
});

export type UpdateForm = <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => void;

export interface ItemFieldsProps {
  form: ItemForm;
  update: UpdateForm;
  messages: Messages;
  topics: Topic[];
}

/** What the item is: kind, title, destination, why, image, language, topics, expiry. */
export function ItemFields({ form, update, messages, topics }: ItemFieldsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const topicName = new Map(topics.map((tp) => [tp.id, tp.name]));
  return (
    <>
      <div className={styles.row}>
        <Field label={t.fieldKind} {...validation(messages, 'kind')}>
          <ChoiceDropdown className={styles.dropdown} values={ITEM_KINDS} labels={t.kinds} value={form.kind} onChange={(k) => update('kind', k)} />
        </Field>
        <Field label={t.fieldLanguage} {...validation(messages, 'language')}>
          <ChoiceDropdown
            className={styles.dropdown}
            values={LANGUAGES}
            labels={t.languageNames}
            value={form.language}
            onChange={(l) => update('language', l)}
          />
        </Field>
      </div>
      <Field label={t.fieldTitle} required {...validation(messages, 'title')}>
        <Input value={form.title} maxLength={200} onChange={(_, d) => update('title', d.value)} />
      </Field>
      <Field label={t.fieldUrl} required {...validation(messages, 'url')}>
        <Input type="url" inputMode="url" placeholder="https://" value={form.url} onChange={(_, d) => update('url', d.value)} />
      </Field>
      <Field label={t.fieldWhy} hint={t.fieldWhyHint} required {...validation(messages, 'why')}>
        <Textarea value={form.why} rows={2} resize="vertical" onChange={(_, d) => update('why', d.value)} />
      </Field>
      <Field label={t.fieldImage} {...validation(messages, 'imageUrl')}>
        <Input type="url" inputMode="url" placeholder="https://" value={form.imageUrl} onChange={(_, d) => update('imageUrl', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t.fieldTopics} {...validation(messages, 'topics')}>
          <Dropdown
            className={styles.dropdown}
            multiselect
            value={form.topics.map((id) => topicName.get(id) ?? id).join(', ')}
            selectedOptions={form.topics}
            onOptionSelect={(_, data) => update('topics', data.selectedOptions)}
          >
            {topics.map((tp) => (
              <Option key={tp.id} value={tp.id}>
                {tp.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.fieldExpires} {...validation(messages, 'expiresAt')}>
          <Input type="datetime-local" value={form.expiresAt} onChange={(_, d) => update('expiresAt', d.value)} />
        </Field>
      </div>
    </>
  );
}
