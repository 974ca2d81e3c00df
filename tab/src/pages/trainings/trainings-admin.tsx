import { Badge, Body1, Button, Caption1, type BadgeProps } from '@fluentui/react-components';
import { AddRegular, DismissCircleRegular, EditRegular, MegaphoneRegular, PeopleRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type Training } from '@contract';
import { useState } from 'react';
import { AdminSection } from '../../components/admin-section.js';
import { useAdminListStyles } from '../../components/admin-styles.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorState, errorText } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { useNotify } from '../../components/use-notify.js';
import { LoadMore } from '../../components/load-more.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';
import { TrainingEditor } from './training-editor.js';
import { TrainingRegistrants } from './training-registrants.js';
import { sessionTime } from './training-time.js';

type Open = { kind: 'edit' | 'registrants'; id: string } | { kind: 'new' } | null;
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
    data: { sessions: sessions.items, audiences: audiences.data ?? { departments: [], locations: [] } },
    reload: () => {
      sessions.reload();
      audiences.reload();
    },
  };
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const changed = () => {
    setOpen(null);
    load.reload();
    onChanged();
  };
  const act = async (s: Training, run: () => Promise<unknown>, done: string) => {
    setBusy(s.id);
    try {
      await run();
      notify('success', done);
      changed();
    } catch (err) {
      // 409: announced already, or cancelled meanwhile, in the server's words.
      notify('error', errorText(err, t));
    } finally {
      setBusy(null);
    }
  };
  const isOpen = (kind: 'edit' | 'registrants', id: string) => open?.kind === kind && open.id === id;
  const toggle = (kind: 'edit' | 'registrants', id: string) => setOpen(isOpen(kind, id) ? null : { kind, id });
  const phase = (s: Training): Phase => (s.status === 'cancelled' ? 'cancelled' : Date.parse(s.endsAt) <= Date.now() ? 'over' : 'scheduled');

  return (
    <AdminSection heading={t.trainingsAdminHeading} intro={t.trainingsAdminIntro}>
      {load.state === 'loading' ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState error={load.error} onRetry={load.reload} /> : null}
      {load.state === 'ok' && load.data.sessions.length === 0 && open?.kind !== 'new' ? <Body1>{t.trainingsAdminEmpty}</Body1> : null}
      {load.state === 'ok' ? (
        <ul className={styles.list}>
          {load.data.sessions.map((s) => {
            const p = phase(s);
            const upcoming = p === 'scheduled' && Date.parse(s.startsAt) > Date.now();
            return (
              <li key={s.id} className={styles.row}>
                <div className={styles.header}>
                  <Body1 className={styles.title}>
                    <strong>{s.title}</strong>
                  </Body1>
                  <Badge appearance="outline" color={PHASE_COLORS[p]}>
                    {t.trainingStatuses[p]}
                  </Badge>
                </div>
                <Caption1 className={styles.meta}>{sessionTime(s, locale).when}</Caption1>
                <Caption1 className={styles.meta}>{t.trainingCounts(s.registered, s.capacity, s.waitlisted)}</Caption1>
                <div className={styles.actions}>
                  {s.status === 'scheduled' ? (
                    // Also after the session: that is when the materials link is added.
                    <Button icon={<EditRegular />} aria-label={t.trainingEditAria(s.title)} aria-expanded={isOpen('edit', s.id)} onClick={() => toggle('edit', s.id)}>
                      {t.trainingEdit}
                    </Button>
                  ) : null}
                  <Button
                    icon={<PeopleRegular />}
                    aria-label={t.trainingRegistrantsAria(s.title)}
                    aria-expanded={isOpen('registrants', s.id)}
                    onClick={() => toggle('registrants', s.id)}
                  >
                    {t.trainingRegistrants}
                  </Button>
                  {upcoming && !s.announcedAt ? (
                    <ConfirmButton
                      icon={<MegaphoneRegular />}
                      label={t.trainingAnnounce}
                      ariaLabel={t.trainingAnnounceAria(s.title)}
                      disabled={busy === s.id}
                      title={t.trainingAnnounceTitle}
                      body={t.trainingAnnounceBody}
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
                {isOpen('edit', s.id) ? (
                  <TrainingEditor training={s} audiences={load.data.audiences} onSaved={changed} onCancel={() => setOpen(null)} />
                ) : null}
                {isOpen('registrants', s.id) ? <TrainingRegistrants training={s} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <LoadMore list={sessions} />
      {open?.kind === 'new' && load.state === 'ok' ? (
        <TrainingEditor audiences={load.data.audiences} onSaved={changed} onCancel={() => setOpen(null)} />
      ) : (
        <div className={styles.actions}>
          <Button icon={<AddRegular />} onClick={() => setOpen({ kind: 'new' })}>
            {t.trainingNew}
          </Button>
        </div>
      )}
    </AdminSection>
  );
}
