import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { PowerRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type CrisisOnInput } from '@contract';
import { AdminSection } from '../../components/admin-section.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorState, errorText } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { useCrisisContext } from '../../hooks/use-crisis.js';
import { LoadMore } from '../../components/load-more.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { CrisisAuditList } from './crisis-audit-list.js';
import { CrisisOnForm } from './crisis-on-form.js';

const useStyles = makeStyles({
  state: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** For admins: switch crisis mode on or off, and see who did so when. */
export function CrisisAdmin() {
  const styles = useStyles();
  const { api } = useSession();
  const { t, dateTime } = useI18n();
  const notify = useNotify();
  const crisis = useCrisisContext();
  const state = useEndpoint(ENDPOINTS.adminCrisis);
  const audit = usePagedEndpoint(ENDPOINTS.crisisAudit, {}, (e) => e.id);

  const changed = async () => {
    state.reload();
    audit.reload();
    await crisis.refresh().catch(() => undefined);
  };
  const switchOn = async (input: CrisisOnInput) => {
    await api.crisisOn({ body: input });
    await changed();
  };
  const switchOff = async () => {
    try {
      await api.crisisOff();
      notify('success', t.crisisSwitchedOffToast);
      await changed();
    } catch (err) {
      notify('error', errorText(err, t));
    }
  };

  return (
    <AdminSection heading={t.crisisAdminHeading}>
      {state.state === 'loading' ? <LoadingState /> : null}
      {state.state === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : null}
      {state.state === 'ok' && !state.data.active ? <CrisisOnForm onSwitchOn={switchOn} cardUpdateDays={state.data.cardUpdateDays} /> : null}
      {state.state === 'ok' && state.data.active ? (
        <div className={styles.state}>
          {state.data.startedAt ? <Body1 block>{t.crisisOnSince(dateTime(state.data.startedAt))}</Body1> : null}
          {state.data.reason ? (
            <Body1 block>
              <strong>{t.crisisReasonLabel}:</strong> {state.data.reason}
            </Body1>
          ) : null}
          <Caption1 className={styles.meta}>{t.crisisRefusedShares(state.data.refusedShares)}</Caption1>
          <ConfirmButton
            icon={<PowerRegular />}
            label={t.crisisSwitchOff}
            title={t.crisisSwitchOffTitle}
            body={t.crisisSwitchOffBody(state.data.notifyEveryone)}
            keepLabel={t.crisisKeepOn}
            onConfirm={() => void switchOff()}
          />
        </div>
      ) : null}
      {audit.status === 'error' ? <ErrorState error={audit.error} onRetry={audit.reload} /> : null}
      {audit.status === 'ok' ? <CrisisAuditList items={audit.items} /> : null}
      <LoadMore list={audit} />
    </AdminSection>
  );
}
