import { Body1, Button, Card, Field, Input, makeStyles, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import { ENDPOINTS, PSEUDONYM_MAX, PSEUDONYM_MIN, type MySettings } from '@contract';
import { useEffect, useState } from 'react';
import { fieldProps } from '../../components/form-fields.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useInvalidate } from '../../query/use-endpoint.js';
import { useSession } from '../../session.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  heading: { margin: 0 },
  save: { alignSelf: 'flex-start' },
});

/** Opting in to the board (optionally under a pseudonym) or out again; explains who sees what. */
export function OptInPanel({ settings }: { settings: MySettings }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const form = useSaveForm(t.settingsInvalid);
  const [optIn, setOptIn] = useState(settings.leaderboard.optIn);
  const [pseudonym, setPseudonym] = useState(settings.leaderboard.pseudonym ?? '');
  useEffect(() => {
    setOptIn(settings.leaderboard.optIn);
    setPseudonym(settings.leaderboard.pseudonym ?? '');
  }, [settings]);

  const save = () =>
    form.save(async () => {
      const trimmed = pseudonym.trim();
      await api.saveMySettings({ body: { leaderboard: { optIn, pseudonym: optIn && trimmed !== '' ? pseudonym : null } } });
      await invalidate(ENDPOINTS.mySettings, ENDPOINTS.leaderboard);
      notify('success', t.optInSaved);
    });

  return (
    <Card className={styles.root} aria-labelledby="opt-in-heading">
      <Subtitle2 as="h2" id="opt-in-heading" block className={styles.heading}>
        {t.optInHeading}
      </Subtitle2>
      <Body1 as="p" block>
        {t.optInExplain}
      </Body1>
      <Switch label={t.optInLabel} checked={optIn} onChange={(_, data) => setOptIn(data.checked)} />
      {optIn ? (
        <Field label={t.pseudonymLabel} hint={t.pseudonymHint(PSEUDONYM_MIN, PSEUDONYM_MAX)} {...fieldProps(form.fields['leaderboard.pseudonym'])}>
          <Input value={pseudonym} maxLength={PSEUDONYM_MAX + 10} onChange={(_, data) => setPseudonym(data.value)} />
        </Field>
      ) : null}
      <Button className={styles.save} appearance="primary" disabled={form.busy} onClick={() => void save()}>
        {t.saveOptIn}
      </Button>
    </Card>
  );
}
