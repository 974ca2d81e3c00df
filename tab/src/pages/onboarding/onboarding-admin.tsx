import { Badge, Body1, Caption1 } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type OnboardingStepAdmin } from '@contract';
import { AdminSection } from '../../components/admin-section.js';
import { useAdminListStyles } from '../../components/admin-styles.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { LoadMore } from '../../components/load-more.js';
import { NewEntry, PanelButton, useRowPanels } from '../../components/row-panels.js';
import { useRowAction } from '../../components/use-row-action.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { OnboardingStepEditor } from './onboarding-step-editor.js';

/** For admins: the checklist's steps in order; add, edit and remove them. */
export function OnboardingAdmin({ onChanged }: { onChanged: () => void }) {
  const styles = useAdminListStyles();
  const { t, lang } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const list = usePagedEndpoint(ENDPOINTS.adminOnboardingSteps, {}, (s) => s.id);
  const steps = list.status === 'ok' ? { state: 'ok' as const, data: list.items, reload: list.reload } : { state: list.status, error: list.error, data: undefined, reload: list.reload };
  const panels = useRowPanels<'edit'>();
  const { busy, run } = useRowAction();

  const changed = () => {
    panels.close();
    steps.reload();
    onChanged();
  };
  const remove = (step: OnboardingStepAdmin) =>
    run(step.id, async () => {
      await api.removeOnboardingStep({ params: { id: step.id } });
      notify('success', t.onboardingStepRemovedToast);
      changed();
    });
  const titleOf = (s: OnboardingStepAdmin) => s.title[lang] || s.title.de || s.title.en;
  const nextPosition = (steps.data ?? []).reduce((max, s) => Math.max(max, s.position), 0) + 10;

  return (
    <AdminSection heading={t.onboardingAdminHeading} intro={t.onboardingAdminIntro}>
      {steps.state === 'loading' ? <LoadingState /> : null}
      {steps.state === 'error' ? <ErrorState error={steps.error} onRetry={steps.reload} /> : null}
      {steps.state === 'ok' && steps.data.length === 0 && !panels.isNew ? <Body1>{t.onboardingAdminEmpty}</Body1> : null}
      {steps.state === 'ok' && steps.data.length > 0 ? (
        <ul className={styles.list}>
          {steps.data.map((s) => (
            <li key={s.id} className={styles.row}>
              <div className={styles.header}>
                <Body1 className={styles.title}>
                  <strong>{titleOf(s)}</strong>
                </Body1>
                <Badge appearance="outline" color={s.kind === 'manual' ? 'informative' : 'brand'}>
                  {t.onboardingKinds[s.kind]}
                </Badge>
              </div>
              <Caption1 className={styles.meta}>{[t.onboardingPositionLine(s.position), s.linkUrl].filter(Boolean).join(' · ')}</Caption1>
              <div className={styles.actions}>
                <PanelButton
                  panels={panels}
                  kind="edit"
                  id={s.id}
                  icon={<EditRegular />}
                  label={t.onboardingStepEdit}
                  ariaLabel={t.onboardingStepEditAria(titleOf(s))}
                />
                <ConfirmButton
                  icon={<DeleteRegular />}
                  label={t.onboardingStepRemove}
                  ariaLabel={t.onboardingStepRemoveAria(titleOf(s))}
                  disabled={busy === s.id}
                  title={t.onboardingStepRemoveTitle}
                  body={t.onboardingStepRemoveBody}
                  keepLabel={t.cancel}
                  onConfirm={() => void remove(s)}
                />
              </div>
              {panels.isOpen('edit', s.id) ? (
                <OnboardingStepEditor step={s} nextPosition={nextPosition} onSaved={changed} onCancel={panels.close} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore list={list} />
      <NewEntry panels={panels} label={t.onboardingStepNew}>
        <OnboardingStepEditor nextPosition={nextPosition} onSaved={changed} onCancel={panels.close} />
      </NewEntry>
    </AdminSection>
  );
}
