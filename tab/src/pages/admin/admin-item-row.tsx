import { Badge, Button, Caption1, Card, makeStyles, Subtitle2, Tooltip, tokens } from '@fluentui/react-components';
import { EditRegular, FlagRegular } from '@fluentui/react-icons';
import type { AdminItem } from '@contract';
import { AudienceFlag } from '../../components/audience-flag.js';
import { KindIcon } from '../../components/kind-icon.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../routing.js';
import { itemAudienceNotes } from './item-audience.js';
import { StatusBadges } from './status-badge.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  main: { flex: '1 1 16rem', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, overflowWrap: 'anywhere', display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
});

export function AdminItemRow({ item }: { item: AdminItem }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const declined = item.stats.declined;
  const audience = itemAudienceNotes(item, t);
  return (
    <Card className={styles.row} role="article" aria-label={item.title}>
      <div className={styles.main}>
        <Subtitle2 as="h2" block className={styles.title}>
          <KindIcon kind={item.kind} />
          {item.title}
        </Subtitle2>
        <div className={styles.badges}>
          <StatusBadges item={item} />
          {declined.flagged ? (
            <Tooltip content={t.declinedFlagHint} relationship="description">
              <Badge appearance="tint" color="warning" icon={<FlagRegular />} tabIndex={0}>
                {t.declinedFlag}
              </Badge>
            </Tooltip>
          ) : null}
          {audience.flag ? <AudienceFlag {...audience.flag} /> : null}
        </div>
        <Caption1 className={styles.meta}>
          {t.kinds[item.kind]} · {item.language.toUpperCase()} · {t.shares(item.stats.shares)} · {t.clicks(item.stats.clicks)} ·{' '}
          {t.updated(date(item.updatedAt))}
        </Caption1>
        {declined.total > 0 ? (
          <Caption1 className={styles.meta} data-testid="declined">
            {t.declined(declined.total)}
            {declined.reasons
              ? `: ${t.declinedReasons(declined.reasons.not_relevant, declined.reasons.not_my_network, declined.reasons.dont_like, declined.reasons.none)}`
              : ''}
          </Caption1>
        ) : null}
      </div>
      <Button icon={<EditRegular />} aria-label={t.editAria(item.title)} onClick={() => navigate({ page: 'admin-edit', id: item.id })}>
        {t.edit}
      </Button>
    </Card>
  );
}
