import { Button, Caption1, Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import type { AdminItem } from '@contract';
import { KindIcon } from '../../components/kind-icon.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../routing.js';
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
  return (
    <Card className={styles.row} role="article" aria-label={item.title}>
      <div className={styles.main}>
        <Subtitle2 as="h2" block className={styles.title}>
          <KindIcon kind={item.kind} />
          {item.title}
        </Subtitle2>
        <div className={styles.badges}>
          <StatusBadges item={item} />
        </div>
        <Caption1 className={styles.meta}>
          {t.kinds[item.kind]} · {item.language.toUpperCase()} · {t.shares(item.stats.shares)} · {t.clicks(item.stats.clicks)} ·{' '}
          {t.updated(date(item.updatedAt))}
        </Caption1>
      </div>
      <Button icon={<EditRegular />} aria-label={t.editAria(item.title)} onClick={() => navigate({ page: 'admin-edit', id: item.id })}>
        {t.edit}
      </Button>
    </Card>
  );
}
