import { Field, Input, makeStyles, Tag, TagGroup, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  unknown: { color: tokens.colorStatusWarningForeground1 },
});

export interface ValuesFieldProps {
  label: string;
  hint: string;
  values: string[];
  suggestions?: string[];
  /** How many people hold a value (audience pickers); a chosen value nobody holds is flagged. */
  countOf?: (value: string) => number | undefined;
  error?: string;
  /** Cleans one entered value (e.g. strips "#"); '' drops it. */
  normalize?: (raw: string) => string;
  onChange: (values: string[]) => void;
}

/** A list of free values (departments, locations, hashtags): type, Enter or comma, remove with ×. */
export function ValuesField({ label, hint, values, suggestions = [], countOf, error, normalize = (s) => s.trim(), onChange }: ValuesFieldProps) {
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
              {values.map((v) => {
                const count = countOf?.(v);
                const unknown = countOf !== undefined && count === undefined;
                return (
                  <Tag
                    key={v}
                    value={v}
                    size="small"
                    dismissible
                    dismissIcon={{ 'aria-label': t.removeValue(v) }}
                    appearance={unknown ? 'outline' : 'filled'}
                    icon={unknown ? <WarningRegular className={styles.unknown} /> : undefined}
                    secondaryText={unknown ? t.valueUnknown : count !== undefined ? t.valuePeople(count) : undefined}
                  >
                    {v}
                  </Tag>
                );
              })}
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
                .map((s) => {
                  const count = countOf?.(s);
                  return <option key={s} value={s} label={count !== undefined ? `${s} (${t.valuePeople(count)})` : undefined} />;
                })}
            </datalist>
          ) : null}
        </div>
      )}
    </Field>
  );
}
