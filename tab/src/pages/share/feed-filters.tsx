import { makeStyles, SearchBox, ToggleButton, tokens } from '@fluentui/react-components';
import type { Topic } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  search: { width: '100%', maxWidth: '28rem', minWidth: 0 },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface FeedFiltersProps {
  topics: Topic[];
  topic: string | null;
  onTopic: (topic: string | null) => void;
  search: string;
  onSearch: (text: string) => void;
}

/** Search box and topic chips; one topic at a time, "All topics" clears it. */
export function FeedFilters({ topics, topic, onTopic, search, onSearch }: FeedFiltersProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.root}>
      <SearchBox
        className={styles.search}
        aria-label={t.search}
        placeholder={t.searchPlaceholder}
        value={search}
        onChange={(_, data) => onSearch(data.value)}
      />
      {topics.length > 0 ? (
        <div className={styles.chips} role="group" aria-label={t.topics}>
          <ToggleButton
            size="small"
            shape="circular"
            appearance={topic === null ? 'primary' : 'secondary'}
            checked={topic === null}
            onClick={() => onTopic(null)}
          >
            {t.allTopics}
          </ToggleButton>
          {topics.map((tp) => (
            <ToggleButton
              key={tp.id}
              size="small"
              shape="circular"
              appearance={topic === tp.id ? 'primary' : 'secondary'}
              checked={topic === tp.id}
              onClick={() => onTopic(topic === tp.id ? null : tp.id)}
            >
              {tp.name}
            </ToggleButton>
          ))}
        </div>
      ) : null}
    </div>
  );
}
