import type { Audience, AudienceChoices } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AudienceReachLine } from './audience-reach.js';
import { ValuesField } from './values-field.js';

type AudienceKey = keyof Audience;

export interface AudienceValuesProps {
  value: Audience;
  /** The departments and locations people have, to suggest, with how many people hold each. */
  suggestions: AudienceChoices;
  errorOf: (key: AudienceKey) => string | undefined;
  onChange: (key: AudienceKey, values: string[]) => void;
}

/** Who something is for (an item, a session): departments and locations, none meaning everyone, and whom that reaches now. */
export function AudienceValues({ value, suggestions, errorOf, onChange }: AudienceValuesProps) {
  const { t } = useI18n();
  const labels: Record<AudienceKey, string> = { departments: t.fieldDepartments, locations: t.fieldLocations };
  return (
    <>
      {(['departments', 'locations'] as const).map((key) => (
        <ValuesField
          key={key}
          label={labels[key]}
          hint={`${t.audienceHint} ${t.addValueHint}`}
          values={value[key]}
          suggestions={suggestions[key]}
          countOf={(v) => suggestions.counts[key][v]}
          error={errorOf(key)}
          onChange={(v) => onChange(key, v)}
        />
      ))}
      <AudienceReachLine audience={value} />
    </>
  );
}
