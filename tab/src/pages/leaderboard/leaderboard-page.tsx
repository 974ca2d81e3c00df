import { makeStyles, Radio, RadioGroup, Field, tokens } from '@fluentui/react-components';
import { ENDPOINTS } from '@contract';
import { lazy, useState } from 'react';
import { AdminPart } from '../../components/admin-part.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { BoardView } from './board-view.js';
import { MyPoints } from './my-points.js';
import { OptInPanel } from './opt-in-panel.js';
import { ThanksSection } from './thanks-section.js';

// Only admins set the rules: the editor loads on first use.
const PointsRulesAdmin = lazy(() => import('./points-rules-admin.js').then((m) => ({ default: m.PointsRulesAdmin })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '52rem', minWidth: 0 },
  pickers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL },
  // Narrow screens (320 px): the choices wrap instead of scrolling sideways.
  choices: { flexWrap: 'wrap' },
});

/** A fixed period, or `campaign:<id>` for a running campaign's time box. */
type Period = 'week' | 'month' | 'all' | `campaign:${string}`;
type TeamsBy = 'department' | 'location';

/** The opt-in leaderboard, my points and my choice to be on it; the rules for admins. */
export function LeaderboardPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>('week');
  const [teams, setTeams] = useState<TeamsBy>('department');
  const campaigns = useEndpoint(ENDPOINTS.campaigns);
  const campaignId = period.startsWith('campaign:') ? period.slice('campaign:'.length) : undefined;
  const query = campaignId ? { period: 'campaign' as const, campaignId, teams } : { period: period as 'week' | 'month' | 'all', teams };
  const board = useEndpoint(ENDPOINTS.leaderboard, { query }, { keepPrevious: true });
  const settings = useEndpoint(ENDPOINTS.mySettings);
  return (
    <div className={styles.root}>
      <PageHeader heading={t.boardTitle} intro={t.boardIntro} />
      <div className={styles.pickers}>
        <Field label={t.boardPeriod}>
          <RadioGroup className={styles.choices} layout="horizontal" value={period} onChange={(_, data) => setPeriod(data.value as Period)}>
            <Radio value="week" label={t.periodWeek} />
            <Radio value="month" label={t.periodMonth} />
            <Radio value="all" label={t.periodAll} />
            {campaigns.state === 'ok'
              ? campaigns.data.items.map((c) => <Radio key={c.id} value={`campaign:${c.id}`} label={t.periodCampaign(c.name)} />)
              : null}
          </RadioGroup>
        </Field>
        <Field label={t.teamsBy}>
          <RadioGroup className={styles.choices} layout="horizontal" value={teams} onChange={(_, data) => setTeams(data.value as TeamsBy)}>
            <Radio value="department" label={t.teamsDepartment} />
            <Radio value="location" label={t.teamsLocation} />
          </RadioGroup>
        </Field>
      </div>
      {board.state === 'loading' ? <LoadingState /> : null}
      {board.state === 'error' ? <ErrorState error={board.error} onRetry={board.reload} /> : null}
      {board.state === 'ok' ? <BoardView board={board.data} /> : null}
      {settings.state === 'error' ? <ErrorState error={settings.error} onRetry={settings.reload} /> : null}
      {settings.state === 'ok' ? <OptInPanel settings={settings.data} /> : null}
      <ThanksSection />
      <MyPoints />
      <AdminPart permission="points.manage">
        <PointsRulesAdmin />
      </AdminPart>
    </div>
  );
}
