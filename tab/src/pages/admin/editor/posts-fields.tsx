import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { NETWORKS } from '@contract';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { Messages } from './field-messages.js';
import type { ItemFieldsProps } from './item-fields.js';
import { messageFor } from './item-form-model.js';
import { PostTextField } from './post-text-field.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS },
});

export function PostsFields({ form, update, messages }: Pick<ItemFieldsProps, 'form' | 'update'> & { messages: Messages }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>
        <Subtitle2>{t.postsHeading}</Subtitle2>
      </legend>
      {NETWORKS.map((network) => (
        <PostTextField
          key={network}
          network={network}
          value={form.posts[network]}
          hashtags={form.hashtags}
          error={messageFor(messages.errors, `posts.${network}`)}
          warning={messageFor(messages.warnings, `posts.${network}`)}
          onChange={(text) => update('posts', { ...form.posts, [network]: text })}
        />
      ))}
    </fieldset>
  );
}
