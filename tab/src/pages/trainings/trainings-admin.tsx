import { Badge, Body1, Caption1, type BadgeProps } from '@fluentui/react-components';
import { DismissCircleRegular, EditRegular, MegaphoneRegular, PeopleRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type AdminTraining, type SavedTraining } from '@contract';
import { AdminSection } from '../../components/admin-section.js';
import { AudienceFlag } from '../../components/audience-flag.js';
import { useAdminListStyles } from '../../components/admin-styles.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { LoadMore } from '../../components/load-more.js';
import { NewEntry, PanelButton, useRowPanels } from '../../components/row-panels.js';
import { useRowAction } from '../../components/use-row-action.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { audienceNotes } from './training-audience.js';
import { TrainingEditor } from './training-editor.js';
import { TrainingRegistrants } from './training-registrants.js';
import { sessionTime } from './training-time.js';

type Phase = 'scheduled' | 'over' | 'cancelled';
const PHASE_COLORS: Record<Phase, BadgeProps['color']> = { scheduled: 'brand', over: 'informative', cancelled: 'danger' };

/** For admins: every session, newest start first; create, edit, announce, cancel, registrants and attendance. */
export function TrainingsAdmin({ onChanged }: { onChanged: () => void }) {
  const styles = useAdminListStyles();
  const { t, locale } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const sessions = usePagedEndpoint(ENDPOINTS.adminTrainings, {}, (s) => s.id);
  const audiences = useEndpoint(ENDPOINTS.audiences);
  const failed = sessions.error ?? audiences.error;
  const load = {
    state: sessions.status === 'error' || audiences.state === 'error' ? ('error' as const) : sessions.status === 'ok' && audiences.data ? ('ok' as const) : ('loading' as const),
    error: failed,
    data: { sessions: sessions.items, audiences: audiences.data ?? { departments: [], locations: [], counts: { departments: {}, locations: {} } } },
    reload: () => {
      sessions.reload();
      audiences.reload();
    },
  };
  const panels = useRowPanels<'edit' | 'registrants'>();
  const { busy, run } = useRowAction();

  const refresh = () => {
    load.reload();
    onChanged();
  };
  const changed = () => {
    panels.close();
    refresh();
  };
  // Saved with warnings: the editor stays open to show them (the list shows the change already).
  const saved = ({ warnings }: SavedTraining) => (warnings.length > 0 ? refresh() : changed());
  // A 409 (announced already, or cancelled meanwhile) shows in the server's words.
  const act = (s: AdminTraining, request: () => Promise<unknown>, done: string) =>
    run(s.id, async () => {
      await request();
      notify('success', done);
      changed();
    });
  const phase = (s: AdminTraining): Phase => (s.status === 'cancelled' ? 'cancelled' : Date.parse(s.endsAt) <= Date.now() ? 'over' : 'scheduled');

  return (
    <AdminSection heading={t.trainingsAdminHeading} intro={t.trainingsAdminIntro}>
      {load.state === 'loading' ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState error={load.error} onRetry={load.reload} /> : null}
      {load.state === 'ok' && load.data.sessions.length === 0 && !panels.isNew ? <Body1>{t.trainingsAdminEmpty}</Body1> : null}
      {load.state === 'ok' ? (
        <ul className={styles.list}>
          {load.data.sessions.map((s) => {
            const p = phase(s);
            const upcoming = p === 'scheduled' && Date.parse(s.startsAt) > Date.now();
            const audience = audienceNotes(s, t);
            return (
              <li key={s.id} className={styles.row}>
                <div className={styles.header}>
                  <Body1 className={styles.title}>
                    <strong>{s.title}</strong>
                  </Body1>
                  <Badge appearance="outline" color={PHASE_COLORS[p]}>
                    {t.trainingStatuses[p]}
                  </Badge>
                  {p === 'scheduled' && audience.flag ? <AudienceFlag {...audience.flag} /> : null}
                </div>
                <Caption1 className={styles.meta}>{sessionTime(s, locale).when}</Caption1>
                <Caption1 className={styles.meta}>{t.trainingCounts(s.registered, s.capacity, s.waitlisted)}</Caption1>
                <div className={styles.actions}>
                  {s.status === 'scheduled' ? (
                    // Also after the session: that is when the materials link is added.
                    <PanelButton panels={panels} kind="edit" id={s.id} icon={<EditRegular />} label={t.trainingEdit} ariaLabel={t.trainingEditAria(s.title)} />
                  ) : null}
                  <PanelButton
                    panels={panels}
                    kind="registrants"
                    id={s.id}
                    icon={<PeopleRegular />}
                    label={t.trainingRegistrants}
                    ariaLabel={t.trainingRegistrantsAria(s.title)}
                  />
                  {upcoming && !s.announcedAt ? (
                    <ConfirmButton
                      icon={<MegaphoneRegular />}
                      label={t.trainingAnnounce}
                      ariaLabel={t.trainingAnnounceAria(s.title)}
                      disabled={busy === s.id}
                      title={t.trainingAnnounceTitle}
                      body={t.trainingAnnounceBody}
                      warning={audience.announceWarning}
                      keepLabel={t.cancel}
                      onConfirm={() => void act(s, () => api.announceTraining({ params: { id: s.id } }), t.announcedToast)}
                    />
                  ) : null}
                  {p === 'scheduled' ? (
                    <ConfirmButton
                      icon={<DismissCircleRegular />}
                      label={t.trainingCancel}
                      ariaLabel={t.trainingCancelAria(s.title)}
                      disabled={busy === s.id}
                      title={t.trainingCancelTitle}
                      body={t.trainingCancelBody}
                      keepLabel={t.trainingKeep}
                      onConfirm={() => void act(s, () => api.cancelTraining({ params: { id: s.id } }), t.trainingCancelledToast)}
                    />
                  ) : null}
                </div>
                {panels.isOpen('edit', s.id) ? (
                  <TrainingEditor training={s} audiences={load.data.audiences} onSaved={saved} onCancel={panels.close} />
                ) : null}
                {panels.isOpen('registrants', s.id) ? <TrainingRegistrants training={s} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <LoadMore list={sessions} />
      <NewEntry panels={panels} label={t.trainingNew}>
        {load.state === 'ok' ? <TrainingEditor audiences={load.data.audiences} onSaved={saved} onCancel={panels.close} /> : null}
      </NewEntry>
    </AdminSection>
  );
}
