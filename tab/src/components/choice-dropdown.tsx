import { Dropdown, Option } from '@fluentui/react-components';

export interface ChoiceDropdownProps<T extends string> {
  values: readonly T[];
  /** What each value is called, in the list and once chosen. */
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  className?: string;
  size?: 'small' | 'medium';
}

/** A Dropdown for one of a fixed set of values (a kind, a status, a theme), each by its name. */
export function ChoiceDropdown<T extends string>({ values, labels, value, onChange, className, size }: ChoiceDropdownProps<T>) {
  return (
    <Dropdown
      className={className}
      size={size}
      value={labels[value]}
      selectedOptions={[value]}
      onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue as T)}
    >
      {values.map((v) => (
        <Option key={v} value={v}>
          {labels[v]}
        </Option>
      ))}
    </Dropdown>
  );
}
