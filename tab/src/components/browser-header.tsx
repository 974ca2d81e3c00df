import { Caption1Strong, Dropdown, Field, makeStyles, Option, Subtitle1, tokens } from '@fluentui/react-components';
import { LANGUAGES, type DemoPerson, type Language } from '@contract';
import { THEME_NAMES, type ThemeName } from '../host/theme.js';
import { ChoiceDropdown } from './choice-dropdown.js';
import type { Strings } from '../i18n/index.js';
import { useI18n } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { marginRight: 'auto', alignSelf: 'center', color: tokens.colorBrandForeground1 },
  badge: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalS },
  field: { minWidth: 0, maxWidth: '100%' },
  person: { minWidth: '12rem', maxWidth: '100%' },
  small: { minWidth: '8rem', maxWidth: '100%' },
});

export function personLabel(p: DemoPerson, t: Strings): string {
  const extras = [p.department, p.role === 'admin' ? t.roleAdmin : null, p.newHire ? t.newHire : null].filter(Boolean);
  return extras.length ? `${p.displayName} · ${extras.join(' · ')}` : p.displayName;
}

export interface BrowserHeaderProps {
  people: DemoPerson[];
  person: string | null;
  onPerson: (key: string) => void;
  theme: ThemeName;
  onTheme: (theme: ThemeName) => void;
  language: Language;
  onLanguage: (language: Language) => void;
}

/** Outside Teams: who you are (demo sign-in), the theme and the language. */
export function BrowserHeader({ people, person, onPerson, theme, onTheme, language, onLanguage }: BrowserHeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const themeNames: Record<ThemeName, string> = { light: t.themeLight, dark: t.themeDark, contrast: t.themeContrast };
  const current = people.find((p) => p.key === person);
  return (
    <header className={styles.root}>
      <Subtitle1 as="p" block className={styles.brand}>
        {t.appName}
        <Caption1Strong className={styles.badge}>demo</Caption1Strong>
      </Subtitle1>
      <Field label={t.personLabel} size="small" className={styles.field}>
        <Dropdown
          className={styles.person}
          size="small"
          placeholder={t.personPlaceholder}
          value={current ? personLabel(current, t) : ''}
          selectedOptions={person ? [person] : []}
          onOptionSelect={(_, data) => data.optionValue && onPerson(data.optionValue)}
        >
          {people.map((p) => (
            <Option key={p.key} value={p.key}>
              {personLabel(p, t)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.themeLabel} size="small" className={styles.field}>
        <ChoiceDropdown className={styles.small} size="small" values={THEME_NAMES} labels={themeNames} value={theme} onChange={onTheme} />
      </Field>
      <Field label={t.languageLabel} size="small" className={styles.field}>
        <Dropdown
          className={styles.small}
          size="small"
          value={t.languageNames[language]}
          selectedOptions={[language]}
          onOptionSelect={(_, data) => data.optionValue && onLanguage(data.optionValue as Language)}
        >
          {LANGUAGES.map((l) => (
            <Option key={l} value={l} lang={l}>
              {l === 'de' ? 'Deutsch' : 'English'}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </header>
  );
}
