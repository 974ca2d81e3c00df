import { Dropdown, Field, makeStyles, Option } from '@fluentui/react-components';

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
      <Dropdown
        className={styles.dropdown}
        value={value ? labels[value] : allLabel}
        selectedOptions={[value ?? ALL]}
        onOptionSelect={(_, data) => {
          const picked = data.optionValue;
          onChange(picked && picked !== ALL ? (picked as T) : null);
        }}
      >
        <Option value={ALL}>{allLabel}</Option>
        {values.map((v) => (
          <Option key={v} value={v}>
            {labels[v]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
