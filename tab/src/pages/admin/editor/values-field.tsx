import { Field, Input, makeStyles, Tag, TagGroup, tokens } from '@fluentui/react-components';
import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export interface ValuesFieldProps {
  label: string;
  hint: string;
  values: string[];
  suggestions?: string[];
  error?: string;
  /** Cleans one entered value (e.g. strips "#"); '' drops it. */
  normalize?: (raw: string) => string;
  onChange: (values: string[]) => void;
}

/** A list of free values (departments, locations, hashtags): type, Enter or comma, remove with ×. */
export function ValuesField({ label, hint, values, suggestions = [], error, normalize = (s) => s.trim(), onChange }: ValuesFieldProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const listId = useId();
  const [draft, setDraft] = useState('');

  const commit = (raw: string) => {
    const added = raw.split(',').map(normalize).filter((v) => v && !values.includes(v));
    if (added.length > 0) onChange([...values, ...new Set(added)]);
    setDraft('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit(draft);
    } else if (e.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <Field label={label} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
      {(fieldProps) => (
        <div className={styles.root}>
          {values.length > 0 ? (
            <TagGroup
              className={styles.tags}
              aria-label={label}
              onDismiss={(_, data) => onChange(values.filter((v) => v !== data.value))}
            >
              {values.map((v) => (
                <Tag key={v} value={v} size="small" dismissible dismissIcon={{ 'aria-label': t.removeValue(v) }}>
                  {v}
                </Tag>
              ))}
            </TagGroup>
          ) : null}
          <Input
            {...fieldProps}
            list={suggestions.length > 0 ? listId : undefined}
            value={draft}
            onChange={(event, data) => {
              // A suggestion picked from the list arrives without a typing inputType: take it at once.
              const inputType = (event.nativeEvent as Partial<InputEvent>).inputType;
              const picked = inputType === undefined || inputType === 'insertReplacementText';
              if (picked && suggestions.includes(data.value)) commit(data.value);
              else setDraft(data.value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => commit(draft)}
          />
          {suggestions.length > 0 ? (
            <datalist id={listId}>
              {suggestions
                .filter((s) => !values.includes(s))
                .map((s) => (
                  <option key={s} value={s} />
                ))}
            </datalist>
          ) : null}
        </div>
      )}
    </Field>
  );
}
