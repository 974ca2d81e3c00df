import { Button, Field, makeStyles, SpinButton, Switch, tokens } from '@fluentui/react-components';
import { ENDPOINTS, MAX_POINTS_PER_ACTION, MAX_READER_DAILY_CAP, type PointsRulesInput } from '@contract';
import { useEffect, useState } from 'react';
import { AdminSection } from '../../components/admin-section.js';
import { ErrorState, errorText } from '../../components/error-state.js';
import { fieldProps } from '../../components/form-fields.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint, useInvalidate } from '../../query/use-endpoint.js';
import { useSession } from '../../session.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '28rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

type NumberRule = Exclude<keyof PointsRulesInput, 'enabled'>;

/** Admins: switch the programme on or off, set the points per action, recompute the ledgers. */
export function PointsRulesAdmin() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const load = useEndpoint(ENDPOINTS.pointsRules, undefined, { fresh: true });
  const form = useSaveForm(t.settingsInvalid);
  const [rules, setRules] = useState<PointsRulesInput | undefined>(undefined);
  const [recomputing, setRecomputing] = useState(false);
  useEffect(() => {
    if (load.data) {
      const { updatedAt: _updatedAt, ...input } = load.data;
      setRules(input);
    }
  }, [load.data]);

  if (load.state === 'loading' || !rules) return load.state === 'error' ? <ErrorState error={load.error} onRetry={load.reload} /> : <LoadingState />;

  const numbers: Array<[NumberRule, string, number]> = [
    ['perShare', t.rulesPerShare, MAX_POINTS_PER_ACTION],
    ['perReader', t.rulesPerReader, MAX_POINTS_PER_ACTION],
    ['readerDailyCap', t.rulesReaderCap, MAX_READER_DAILY_CAP],
    ['perTraining', t.rulesPerTraining, MAX_POINTS_PER_ACTION],
    ['perAcceptedProposal', t.rulesPerProposal, MAX_POINTS_PER_ACTION],
    ['perConversion', t.rulesPerConversion, MAX_POINTS_PER_ACTION],
  ];
  const save = () =>
    form.save(async () => {
      await api.savePointsRules({ body: rules });
      await invalidate(ENDPOINTS.leaderboard, ENDPOINTS.myPoints);
      notify('success', t.rulesSaved);
    });
  const recompute = async () => {
    setRecomputing(true);
    try {
      const result = await api.recomputePoints({ body: {} });
      await invalidate(ENDPOINTS.leaderboard, ENDPOINTS.myPoints);
      notify('success', t.rulesRecomputed(result.entries));
    } catch (err) {
      notify('error', errorText(err, t));
    } finally {
      setRecomputing(false);
    }
  };

  return (
    <AdminSection heading={t.rulesHeading} intro={t.rulesIntro}>
      <div className={styles.form}>
        <Switch label={t.rulesEnabled} checked={rules.enabled} onChange={(_, data) => setRules({ ...rules, enabled: data.checked })} />
        {numbers.map(([key, label, max]) => (
          <Field key={key} label={label} {...fieldProps(form.fields[key])}>
            <SpinButton
              min={0}
              max={max}
              value={rules[key]}
              onChange={(_, data) => {
                const value = data.value ?? Number(data.displayValue);
                if (Number.isFinite(value)) setRules({ ...rules, [key]: value });
              }}
            />
          </Field>
        ))}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={form.busy} onClick={() => void save()}>
            {t.rulesSave}
          </Button>
          <Button disabled={recomputing} onClick={() => void recompute()}>
            {t.rulesRecompute}
          </Button>
        </div>
      </div>
    </AdminSection>
  );
}
