import { Button, Caption1, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { ShareRegular } from '@fluentui/react-icons';
import { NETWORK_LABELS, type Campaign, type FeedItem } from '@contract';
import { CampaignProgress } from '../../components/campaign-progress.js';
import { useState } from 'react';
import { ItemCard } from '../../components/item-card.js';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  shared: { color: tokens.colorPaletteGreenForeground1 },
  paused: { color: tokens.colorNeutralForeground3 },
});

export interface FeedCardProps {
  item: FeedItem;
  topicNames: Map<string, string>;
  onShare: (item: FeedItem) => Promise<void>;
  /** Crisis mode: no share button, only a line saying why. */
  sharingPaused?: boolean;
  /** The running campaign this item belongs to: its progress bar on the card. */
  campaign?: Campaign | undefined;
}

export function FeedCard({ item, topicNames, onShare, sharingPaused = false, campaign }: FeedCardProps) {
  const styles = useStyles();
  const { t, list } = useI18n();
  const [busy, setBusy] = useState(false);
  const shared = item.mine.networks.length > 0;
  const share = () => {
    setBusy(true);
    void onShare(item).finally(() => setBusy(false));
  };
  return (
    <ItemCard
      item={{ ...item, topicNames: item.topics.map((id) => topicNames.get(id) ?? id) }}
      status={
        shared || campaign ? (
          <>
            {campaign ? <CampaignProgress campaign={campaign} compact /> : null}
            {shared ? (
              <Caption1Strong className={styles.shared}>
                {t.sharedOn(list(item.mine.networks.map((n) => NETWORK_LABELS[n])), t.clicks(item.mine.clicks))}
              </Caption1Strong>
            ) : null}
          </>
        ) : null
      }
      footer={
        sharingPaused ? (
          <Caption1 className={styles.paused}>{t.crisisSharingPaused}</Caption1>
        ) : (
          <Button appearance="primary" icon={<ShareRegular />} aria-label={t.shareAria(item.title)} disabled={busy} onClick={share}>
          {t.share}
        </Button>
        )
      }
    />
  );
}
