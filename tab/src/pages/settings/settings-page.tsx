import { Button, Field, makeStyles, Radio, RadioGroup, Switch, tokens } from '@fluentui/react-components';
import { ENDPOINTS, type MySettings } from '@contract';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint, useInvalidate } from '../../query/use-endpoint.js';
import { useSession } from '../../session.js';
import { OptInPanel } from '../leaderboard/opt-in-panel.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '48rem', minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  save: { alignSelf: 'flex-start' },
});

type Level = MySettings['notificationLevel'];

/** My settings: the same values as the bot's settings card and "stop", plus results cards and the board. */
export function SettingsPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const load = useEndpoint(ENDPOINTS.mySettings);
  return (
    <div className={styles.root}>
      <PageHeader heading={t.settingsTitle} intro={t.settingsIntro} />
      {load.state === 'loading' ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState error={load.error} onRetry={load.reload} /> : null}
      {load.state === 'ok' ? (
        <>
          <SettingsForm settings={load.data} />
          <OptInPanel settings={load.data} />
        </>
      ) : null}
    </div>
  );
}

function SettingsForm({ settings }: { settings: MySettings }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const form = useSaveForm(t.settingsInvalid);
  const [draft, setDraft] = useState(settings);
  useEffect(() => setDraft(settings), [settings]);

  const save = () =>
    form.save(async () => {
      const { resultsCards, notificationLevel, paused, language } = draft;
      await api.saveMySettings({ body: { resultsCards, notificationLevel, paused, language } });
      await invalidate(ENDPOINTS.mySettings, ENDPOINTS.me);
      notify('success', t.settingsSaved);
    });

  return (
    <div className={styles.form}>
      <Switch label={t.settingsResultsCards} checked={draft.resultsCards} onChange={(_, d) => setDraft({ ...draft, resultsCards: d.checked })} />
      <Field label={t.settingsNotifications}>
        <RadioGroup value={draft.notificationLevel} onChange={(_, d) => setDraft({ ...draft, notificationLevel: d.value as Level })}>
          <Radio value="every" label={t.levelEvery} />
          <Radio value="digest" label={t.levelDigest} />
          <Radio value="none" label={t.levelNone} />
        </RadioGroup>
      </Field>
      <Switch label={t.settingsPaused} checked={draft.paused} onChange={(_, d) => setDraft({ ...draft, paused: d.checked })} />
      <Field label={t.settingsLanguage}>
        <RadioGroup layout="horizontal" value={draft.language} onChange={(_, d) => setDraft({ ...draft, language: d.value as MySettings['language'] })}>
          <Radio value="de" label={t.languageDe} />
          <Radio value="en" label={t.languageEn} />
        </RadioGroup>
      </Field>
      <Button className={styles.save} appearance="primary" disabled={form.busy} onClick={() => void save()}>
        {t.settingsSave}
      </Button>
    </div>
  );
}
