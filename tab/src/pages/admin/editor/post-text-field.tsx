import { Field, makeStyles, mergeClasses, Textarea, tokens } from '@fluentui/react-components';
import { checkPostText, NETWORK_LABELS, type Network } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';

const useStyles = makeStyles({
  counter: { fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  fold: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface PostTextFieldProps {
  network: Network;
  value: string;
  hashtags: string[];
  /** From validation (client or server). */
  error?: string;
  /** From the server's `warnings`. */
  warning?: string;
  onChange: (value: string) => void;
}

/** One network's suggested text with a live counter: red past the limit, a hint past LinkedIn's fold. */
export function PostTextField({ network, value, hashtags, error, warning, onChange }: PostTextFieldProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const check = checkPostText(network, value, hashtags);
  const liveError = check.tooLong ? t.tooLong(check.count, check.max) : undefined;
  const foldWarning = network === 'linkedin' && check.pastFold ? t.linkedinFold : undefined;
  const message = liveError ?? error ?? warning ?? foldWarning;
  const state = liveError || error ? 'error' : warning || foldWarning ? 'warning' : 'none';
  const note = network === 'x' ? t.xCountsLink : undefined;
  return (
    <Field
      label={t.postLabel(NETWORK_LABELS[network])}
      validationState={state}
      validationMessage={message}
      hint={
        <>
          <span className={mergeClasses(styles.counter, check.tooLong && styles.over, check.pastFold && styles.fold)}>
            {t.counter(check.count, check.max)}
          </span>
          {note ? ` · ${note}` : null}
        </>
      }
    >
      <Textarea value={value} resize="vertical" rows={3} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
