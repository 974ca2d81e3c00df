import { Body1, Caption1, Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Campaign } from '@contract';
import { CampaignProgress } from '../../components/campaign-progress.js';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

/** The running campaigns on the Share page: name, goal, the team's progress, prize and end date. */
export function CampaignBanner({ campaigns }: { campaigns: readonly Campaign[] }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  if (campaigns.length === 0) return null;
  return (
    <section aria-label={t.campaignsHeading}>
      <ul className={styles.list}>
        {campaigns.map((c) => (
          <li key={c.id}>
            <Card className={styles.card} aria-label={`${t.campaignLabel}: ${c.name}`}>
              <Caption1>{t.campaignLabel}</Caption1>
              <Subtitle2 as="h2" className={styles.heading}>
                {c.name}
              </Subtitle2>
              {c.description ? <Body1>{c.description}</Body1> : null}
              <CampaignProgress campaign={c} />
              {c.prize ? (
                <Body1>
                  <strong>{t.campaignPrize}</strong> {c.prize}
                </Body1>
              ) : null}
              <Caption1>{t.campaignEnds(date(c.endsAt))}</Caption1>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
