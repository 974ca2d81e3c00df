import { Body1, Button, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { PersonRegular } from '@fluentui/react-icons';
import type { DemoPerson } from '@contract';
import { useI18n } from '../i18n/i18n-context.js';
import { personLabel } from './browser-header.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  heading: { margin: 0 },
  people: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  person: { justifyContent: 'flex-start', textAlign: 'start', maxWidth: '100%' },
});

/** Browser mode without a chosen person (or after a 401): pick whose view to see. */
export function SignInPanel({ people, onPerson }: { people: DemoPerson[]; onPerson: (key: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.root} aria-labelledby="sign-in-title">
      <Title2 as="h1" block id="sign-in-title" className={styles.heading}>
        {t.signInTitle}
      </Title2>
      <Body1 as="p" block>{people.length > 0 ? t.signInBody : t.signInUnavailable}</Body1>
      <div className={styles.people}>
        {people.map((p) => (
          <Button key={p.key} className={styles.person} icon={<PersonRegular />} size="large" onClick={() => onPerson(p.key)}>
            {personLabel(p, t)}
          </Button>
        ))}
      </div>
    </section>
  );
}
