import { Badge, Body1, Caption1, Card, CardPreview, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { ItemKind, Language } from '@contract';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { KindIcon } from './kind-icon.js';

/** What a card shows: the feed's items and the editor's preview use the same card. */
export interface ItemCardView {
  title: string;
  why: string;
  kind: ItemKind;
  language: Language;
  imageUrl: string | null;
  topicNames: string[];
  expiresAt: string | null;
}

const useStyles = makeStyles({
  card: { height: '100%', minWidth: 0 },
  image: { display: 'block', width: '100%', aspectRatio: '1200 / 630', objectFit: 'cover' },
  placeholder: { aspectRatio: '1200 / 630', backgroundColor: tokens.colorBrandBackground2 },
  placeholderIcon: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    fontSize: '48px',
    color: tokens.colorBrandForeground1,
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  why: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, flexGrow: 1 },
  footer: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: 'auto' },
});

export function ItemCard({ item, status, footer }: { item: ItemCardView; status?: ReactNode; footer?: ReactNode }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const meta = [item.topicNames.join(' · '), item.expiresAt ? t.expires(date(item.expiresAt)) : ''].filter(Boolean);
  return (
    <Card className={styles.card} role="article" aria-label={item.title || t.previewTitlePlaceholder}>
      <CardPreview>
        {item.imageUrl ? (
          <img className={styles.image} src={item.imageUrl} alt="" loading="lazy" />
        ) : (
          <div className={styles.placeholder} aria-hidden="true">
            <div className={styles.placeholderIcon}>
              <KindIcon kind={item.kind} />
            </div>
          </div>
        )}
      </CardPreview>
      <div className={styles.body}>
        <div className={styles.badges}>
          <Badge appearance="tint" color="brand" icon={<KindIcon kind={item.kind} />}>
            {t.kinds[item.kind]}
          </Badge>
          <Badge appearance="outline" color="informative" aria-label={t.contentLanguage(t.languageNames[item.language])}>
            {item.language.toUpperCase()}
          </Badge>
        </div>
        <Subtitle1 as="h3" block className={styles.title}>
          {item.title || t.previewTitlePlaceholder}
        </Subtitle1>
        <Body1 className={styles.why}>
          <strong>{t.whyShare}</strong> {item.why}
        </Body1>
        {meta.length > 0 ? <Caption1 className={styles.meta}>{meta.join(' · ')}</Caption1> : null}
      </div>
      {status || footer ? (
        <div className={styles.footer}>
          {status}
          {footer}
        </div>
      ) : null}
    </Card>
  );
}
