import { Body1, Caption1, Card, makeStyles, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import { ENDPOINTS, type MyThank } from '@contract';
import { useState } from 'react';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint, useInvalidate } from '../../query/use-endpoint.js';
import { useSession } from '../../session.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  words: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Thank-yous people chose to show, and (only for me) mine, each with my choice to show it. */
export function ThanksSection() {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const shown = useEndpoint(ENDPOINTS.shownThanks);
  const mine = useEndpoint(ENDPOINTS.myThanks);
  return (
    <section aria-labelledby="thanks-heading" className={styles.root}>
      <Subtitle2 as="h2" id="thanks-heading" block className={styles.heading}>
        {t.thanksHeading}
      </Subtitle2>
      <Caption1 className={styles.note}>{t.thanksIntro}</Caption1>
      {shown.state === 'loading' ? <LoadingState /> : null}
      {shown.state === 'error' ? <ErrorState error={shown.error} onRetry={shown.reload} /> : null}
      {shown.state === 'ok' && shown.data.items.length === 0 ? <Body1 as="p" block>{t.thanksEmpty}</Body1> : null}
      {shown.state === 'ok' && shown.data.items.length > 0 ? (
        <ul className={styles.list}>
          {shown.data.items.map((thank) => (
            <li key={thank.id}>
              <Card>
                <Body1 as="p" block className={styles.words}>
                  {thank.message}
                </Body1>
                <Caption1 className={styles.note}>
                  {thank.name} · {dateTime(thank.at)}
                </Caption1>
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
      {mine.state === 'ok' && mine.data.items.length > 0 ? (
        <section aria-labelledby="my-thanks-heading" className={styles.root}>
          <Subtitle2 as="h3" id="my-thanks-heading" block className={styles.heading}>
            {t.myThanksHeading}
          </Subtitle2>
          <Caption1 className={styles.note}>{t.myThanksPrivate}</Caption1>
          <ul className={styles.list}>
            {mine.data.items.map((thank) => (
              <li key={thank.id}>
                <MyThankCard thank={thank} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function MyThankCard({ thank }: { thank: MyThank }) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState(false);
  const toggle = async (shown: boolean) => {
    setBusy(true);
    try {
      await api.showThanks({ params: { id: thank.id }, body: { shown } });
      await invalidate(ENDPOINTS.myThanks, ENDPOINTS.shownThanks);
      notify('success', shown ? t.thanksShown : t.thanksHidden);
    } catch (err) {
      notify('error', err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <Body1 as="p" block className={styles.words}>
        {thank.message}
      </Body1>
      <Caption1 className={styles.note}>{dateTime(thank.at)}</Caption1>
      <Switch label={t.showThanks} checked={thank.shown} disabled={busy} onChange={(_, data) => void toggle(data.checked)} />
    </Card>
  );
}
