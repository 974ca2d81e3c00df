import { Field, makeStyles } from '@fluentui/react-components';
import { ChoiceDropdown } from './choice-dropdown.js';

const useStyles = makeStyles({
  dropdown: { minWidth: '10rem', maxWidth: '100%' },
});

const ALL = 'all';

export interface ChoiceFilterProps<T extends string> {
  label: string;
  /** The choice that filters nothing ("All"). */
  allLabel: string;
  values: readonly T[];
  labels: Record<T, string>;
  /** null: all. */
  value: T | null;
  onChange: (value: T | null) => void;
  className?: string;
}

/** A list filter by one property (status): "All" or one of its values. */
export function ChoiceFilter<T extends string>({ label, allLabel, values, labels, value, onChange, className }: ChoiceFilterProps<T>) {
  const styles = useStyles();
  return (
    <Field label={label} className={className}>
      <ChoiceDropdown<T | typeof ALL>
        className={styles.dropdown}
        values={[ALL, ...values]}
        labels={{ ...labels, [ALL]: allLabel } as Record<T | typeof ALL, string>}
        value={value ?? ALL}
        onChange={(picked) => onChange(picked === ALL ? null : (picked as T))}
      />
    </Field>
  );
}
