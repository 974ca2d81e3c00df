import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ShareRegular } from '@fluentui/react-icons';
import type { Topic } from '@contract';
import { ItemCard } from '../../../components/item-card.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { ItemForm } from './item-form-model.js';
import { fromLocalInput } from './local-time.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '24rem', width: '100%' },
});

/** The item as employees will see it in their feed, updated while the admin types. */
export function ItemPreview({ form, topics }: { form: ItemForm; topics: Topic[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const names = new Map(topics.map((tp) => [tp.id, tp.name]));
  const imageUrl = /^https?:\/\//.test(form.imageUrl.trim()) ? form.imageUrl.trim() : null;
  return (
    <section className={styles.root} aria-label={t.previewHeading}>
      <Subtitle2 as="h2" block>{t.previewHeading}</Subtitle2>
      <ItemCard
        item={{
          title: form.title.trim(),
          why: form.why.trim(),
          kind: form.kind,
          language: form.language,
          imageUrl,
          topicNames: form.topics.map((id) => names.get(id) ?? id),
          expiresAt: fromLocalInput(form.expiresAt),
        }}
        footer={
          <Button appearance="primary" icon={<ShareRegular />} tabIndex={-1} aria-hidden="true">
            {t.share}
          </Button>
        }
      />
    </section>
  );
}
