import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { localToday, type PeriodChoice } from './period.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  field: { minWidth: 'min(100%, 12rem)' },
});

export interface PeriodValue {
  choice: PeriodChoice;
  custom: { from: string; to: string };
}

/**
 * Last 7 / 30 / 90 days, this year (or the `choices` a page offers), or from–to (applied with
 * "Show", so half a date asks nothing).
 */
export function PeriodPicker({ value, onChange, choices: offered }: { value: PeriodValue; onChange: (value: PeriodValue) => void; choices?: Array<[PeriodChoice, string]> }) {
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(value.custom);
  const [choice, setChoice] = useState<PeriodChoice>(value.choice);
  const backwards = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const choices: Array<[PeriodChoice, string]> = offered ?? [
    ['7', t.period7],
    ['30', t.period30],
    ['90', t.period90],
    ['year', t.periodYear],
    ['custom', t.periodCustom],
  ];
  return (
    <div className={styles.root} role="group" aria-labelledby={`${id}-label`}>
      <Field label={{ children: t.periodLabel, id: `${id}-label` }} className={styles.field}>
        <Select
          value={choice}
          onChange={(_, d) => {
            const next = d.value as PeriodChoice;
            setChoice(next);
            if (next !== 'custom') onChange({ choice: next, custom: value.custom });
          }}
        >
          {choices.map(([c, label]) => (
            <option key={c} value={c}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {choice === 'custom' ? (
        <>
          <Field label={t.periodFrom} className={styles.field}>
            <Input type="date" value={draft.from} max={localToday()} onChange={(_, d) => setDraft({ ...draft, from: d.value })} />
          </Field>
          <Field label={t.periodTo} className={styles.field} validationMessage={backwards ? t.periodToBeforeFrom : undefined}>
            <Input type="date" value={draft.to} onChange={(_, d) => setDraft({ ...draft, to: d.value })} />
          </Field>
          <Button appearance="primary" disabled={!draft.from || !draft.to || backwards} onClick={() => onChange({ choice: 'custom', custom: draft })}>
            {t.periodShow}
          </Button>
        </>
      ) : null}
    </div>
  );
}
