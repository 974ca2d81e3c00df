import { Caption1, Field, Input, makeStyles, mergeClasses, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { AnnounceChoiceState, AnnounceMode } from './announce-choice-model.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  indented: { minWidth: 0, maxWidth: '100%', paddingLeft: tokens.spacingHorizontalXXL },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface AnnounceChoiceProps {
  choice: AnnounceChoiceState;
  /** "Don't announce" is a choice when publishing; in the Announce dialog, closing it is. */
  allowNone?: boolean;
  /** Said under "Announce now" when it may mean "when the item goes live". */
  nowHint?: string;
}

/** Announce now / at a time / not at all, as a radio group with a time input for "at". */
export function AnnounceChoice({ choice, allowNone = true, nowHint }: AnnounceChoiceProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root}>
      <Field label={t.announceHeading} hint={t.announceIntro}>
        <RadioGroup value={choice.mode} onChange={(_, data) => choice.setMode(data.value as AnnounceMode)}>
          <Radio value="now" label={t.announceNow} />
          <Radio value="at" label={t.announceAt} />
          {allowNone ? <Radio value="none" label={t.announceNone} /> : null}
        </RadioGroup>
      </Field>
      {choice.mode === 'now' && nowHint ? <Caption1 className={mergeClasses(styles.indented, styles.hint)}>{nowHint}</Caption1> : null}
      {choice.mode === 'at' ? (
        <Field
          label={t.announceAtLabel}
          className={styles.indented}
          validationMessage={choice.error}
          validationState={choice.error ? 'error' : 'none'}
        >
          <Input type="datetime-local" value={choice.localAt} onChange={(_, d) => choice.setLocalAt(d.value)} />
        </Field>
      ) : null}
    </div>
  );
}
