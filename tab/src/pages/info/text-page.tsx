import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '42rem' },
  heading: { margin: 0 },
  paragraph: { margin: 0 },
});

/** A short page of prose (privacy, terms): works without a signed-in person. */
export function TextPage({ title, paragraphs }: { title: string; paragraphs: readonly string[] }) {
  const styles = useStyles();
  return (
    <article className={styles.root}>
      <Title2 as="h1" block className={styles.heading}>
        {title}
      </Title2>
      {paragraphs.map((p) => (
        <Body1 as="p" block key={p} className={styles.paragraph}>
          {p}
        </Body1>
      ))}
    </article>
  );
}
