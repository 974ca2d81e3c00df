import { Button, Caption1, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { PeopleErrorRegular, PeopleRegular } from '@fluentui/react-icons';
import { audienceInputSchema, ENDPOINTS, type Audience } from '@contract';
import { useMemo } from 'react';
import { useDebounced } from '../../../hooks/use-debounced.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useEndpoint } from '../../../query/use-endpoint.js';
import { audienceKey, audienceOfKey, reachText } from './audience-reach-model.js';

/** Asked again once the audience has stopped changing for this long (typing a value, removing three). */
const SETTLE_MS = 400;

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, minHeight: '24px' },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0, overflowWrap: 'anywhere' },
  icon: { flexShrink: 0, fontSize: '16px' },
  nobody: { color: tokens.colorStatusWarningForeground1 },
  failed: { color: tokens.colorStatusDangerForeground1 },
});

/**
 * Whom an audience reaches now, under the audience picker (issue 14 §2): "Reaches 12 people",
 * "Everyone (40 people)", or that it reaches nobody — e.g. Finance × München, where each value
 * is held by someone but nobody holds both. A polite live region: said once the count is in.
 */
export function AudienceReachLine({ audience }: { audience: Audience }) {
  const styles = useStyles();
  const { t, number } = useI18n();
  const key = audienceKey(audience);
  const settledKey = useDebounced(key, SETTLE_MS);
  const settled = useMemo(() => audienceOfKey(settledKey), [settledKey]);
  // Values the server would refuse (too long, too many) are the fields' to explain, not a failed count.
  const askable = audienceInputSchema.safeParse(settled).success;
  const reach = useEndpoint(ENDPOINTS.audienceReach, { body: settled }, { enabled: askable });
  const counting = askable && (key !== settledKey || reach.state === 'loading' || reach.query.isFetching);

  let content = null;
  if (counting) {
    content = (
      <span className={styles.line}>
        <Spinner size="extra-tiny" aria-hidden />
        {t.reachCounting}
      </span>
    );
  } else if (reach.state === 'error') {
    content = (
      <span className={mergeClasses(styles.line, styles.failed)}>
        <PeopleErrorRegular className={styles.icon} aria-hidden />
        {t.reachFailed}
      </span>
    );
  } else if (reach.state === 'ok') {
    const line = reachText(settled, reach.data, t, number);
    content = (
      <span className={mergeClasses(styles.line, line.nobody && styles.nobody)}>
        {line.nobody ? <PeopleErrorRegular className={styles.icon} aria-hidden /> : <PeopleRegular className={styles.icon} aria-hidden />}
        {line.text}
      </span>
    );
  }

  return (
    <div className={styles.root}>
      <Caption1 role="status" aria-live="polite" aria-atomic="true">
        {content}
      </Caption1>
      {reach.state === 'error' && !counting ? (
        <Button size="small" appearance="transparent" onClick={reach.reload}>
          {t.retry}
        </Button>
      ) : null}
    </div>
  );
}
