import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { ENDPOINTS, NETWORK_LABELS, NETWORKS, type AnalyticsSettingsInput, type Network } from '@contract';
import { useEffect, useState } from 'react';
import { AdminSection } from '../../components/admin-section.js';
import { ErrorState } from '../../components/error-state.js';
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

interface Draft {
  minGroup: string;
  currency: string;
  costPerClick: Record<Network, string>;
}

/** Admins: the smallest group shown and the cost per click per network (for earned media value). */
export function AnalyticsSettings() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const load = useEndpoint(ENDPOINTS.analyticsSettings, undefined, { fresh: true });
  const form = useSaveForm(t.analyticsSettingsInvalid);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  useEffect(() => {
    if (load.data) {
      const rates = Object.fromEntries(NETWORKS.map((n) => [n, load.data.costPerClick[n]?.toString() ?? ''])) as Record<Network, string>;
      setDraft({ minGroup: String(load.data.minGroup), currency: load.data.currency, costPerClick: rates });
    }
  }, [load.data]);
  if (load.state === 'error') return <ErrorState error={load.error} onRetry={load.reload} />;
  if (!draft) return <LoadingState />;

  const save = () =>
    form.save(async () => {
      // Empty: no rate for that network. What the person typed goes to the server as typed; it says what is wrong.
      const costPerClick: AnalyticsSettingsInput['costPerClick'] = {};
      for (const n of NETWORKS) if (draft.costPerClick[n].trim() !== '') costPerClick[n] = Number(draft.costPerClick[n].replace(',', '.'));
      await api.saveAnalyticsSettings({ body: { minGroup: Number(draft.minGroup), currency: draft.currency.trim().toUpperCase(), costPerClick } });
      await invalidate(ENDPOINTS.analyticsOverview, ENDPOINTS.analyticsBreakdown, ENDPOINTS.analyticsSettings);
      notify('success', t.analyticsSettingsSaved);
    });

  return (
    <AdminSection heading={t.analyticsSettingsHeading} intro={t.analyticsSettingsIntro}>
      <div className={styles.form}>
        <Field label={t.settingMinGroup} {...fieldProps(form.fields.minGroup)}>
          <Input type="number" min={5} max={1000} value={draft.minGroup} onChange={(_, d) => setDraft({ ...draft, minGroup: d.value })} />
        </Field>
        <Field label={t.settingCurrency} {...fieldProps(form.fields.currency)}>
          <Input value={draft.currency} maxLength={3} onChange={(_, d) => setDraft({ ...draft, currency: d.value })} />
        </Field>
        {NETWORKS.map((n) => (
          <Field key={n} label={t.settingCostPerClick(NETWORK_LABELS[n])} {...fieldProps(form.fields[`costPerClick.${n}`] ?? form.fields.costPerClick)}>
            <Input
              inputMode="decimal"
              value={draft.costPerClick[n]}
              contentAfter={draft.currency}
              onChange={(_, d) => setDraft({ ...draft, costPerClick: { ...draft.costPerClick, [n]: d.value } })}
            />
          </Field>
        ))}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={form.busy} onClick={() => void save()}>
            {t.analyticsSettingsSave}
          </Button>
        </div>
      </div>
    </AdminSection>
  );
}
