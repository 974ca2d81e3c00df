import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
  },
});

export function AppFooter() {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <footer className={styles.root}>
      <Caption1>
        <Link href="#/privacy">{t.privacy}</Link>
      </Caption1>
      <Caption1>
        <Link href="#/terms">{t.terms}</Link>
      </Caption1>
    </footer>
  );
}
