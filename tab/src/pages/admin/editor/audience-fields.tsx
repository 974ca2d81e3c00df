import type { AudienceChoices } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AudienceValues } from './audience-values.js';
import { messageFor } from './item-form-model.js';
import type { Messages } from './field-messages.js';
import type { ItemForm } from './item-form-model.js';
import type { UpdateForm } from './item-fields.js';
import { ValuesField } from './values-field.js';

/** Hashtags are stored without "#" and may hold letters, digits and _ only. */
const cleanHashtag = (raw: string) => raw.trim().replace(/^#+/, '');

export function AudienceFields({ form, update, messages, audiences }: { form: ItemForm; update: UpdateForm; messages: Messages; audiences: AudienceChoices }) {
  const { t } = useI18n();
  return (
    <>
      <AudienceValues
        value={{ departments: form.departments, locations: form.locations }}
        suggestions={audiences}
        errorOf={(key) => messageFor(messages.errors, `audience.${key}`)}
        onChange={update}
      />
      <ValuesField
        label={t.fieldHashtags}
        hint={t.hashtagsHint}
        values={form.hashtags}
        normalize={cleanHashtag}
        error={messageFor(messages.errors, 'hashtags')}
        onChange={(v) => update('hashtags', v)}
      />
    </>
  );
}
