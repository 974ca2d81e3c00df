import { Caption1, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { progressPercent, type Campaign } from '@contract';
import { useI18n } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  compact: { gap: '2px' },
});

/**
 * A campaign's team progress as a bar with its numbers: on item cards (compact) and in the
 * campaign banner. The admins' name and prize are shown as text.
 */
export function CampaignProgress({ campaign, compact = false }: { campaign: Campaign; compact?: boolean }) {
  const styles = useStyles();
  const { t, number } = useI18n();
  const percent = progressPercent(campaign.progress, campaign.goal.target);
  const goal = t.campaignGoal(number(campaign.progress), number(campaign.goal.target), t.campaignMetrics[campaign.goal.metric]);
  return (
    <div className={compact ? `${styles.root} ${styles.compact}` : styles.root} data-campaign={campaign.id}>
      <Field
        label={compact ? `${t.campaignLabel}: ${campaign.name}` : undefined}
        validationMessage={goal}
        validationState="none"
      >
        <ProgressBar
          value={percent / 100}
          thickness={compact ? 'medium' : 'large'}
          aria-label={t.campaignProgressAria(campaign.name)}
          aria-valuetext={goal}
          data-progress={campaign.progress}
        />
      </Field>
      {compact ? null : <Caption1>{t.campaignTeamNote}</Caption1>}
    </div>
  );
}
