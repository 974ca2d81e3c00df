import { Button, Caption1, Checkbox, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, OpenRegular } from '@fluentui/react-icons';
import type { OnboardingStep as Step } from '@contract';
import { useId } from 'react';
import { useCardStyles } from '../../components/card-styles.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../routing.js';
import { tabRouteOf } from './step-link.js';

const useStyles = makeStyles({
  done: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteGreenBorder2}` },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  icon: { fontSize: '20px', flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground3 },
  iconDone: { color: tokens.colorPaletteGreenForeground1 },
  title: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  body: {
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  auto: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', minWidth: 0 },
  autoDone: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface OnboardingStepProps {
  step: Step;
  busy: boolean;
  onMark: (done: boolean) => void;
}

/** One step of the checklist: what to do, tips, where to do it, and done or not. */
export function OnboardingStepCard({ step, busy, onMark }: OnboardingStepProps) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useI18n();
  const headingId = useId();
  const inApp = step.linkUrl ? tabRouteOf(step.linkUrl, window.location) : null;
  const linkLabel = t.onboardingLinks[step.kind];
  const Icon = step.done ? CheckmarkCircleFilled : CircleRegular;

  return (
    <article className={mergeClasses(card.card, step.done && styles.done)} aria-labelledby={headingId} data-done={step.done}>
      <div className={styles.header}>
        <Icon className={mergeClasses(styles.icon, step.done && styles.iconDone)} aria-hidden="true" />
        <Subtitle2 as="h2" block id={headingId} className={styles.title}>
          {step.title}
        </Subtitle2>
      </div>
      {step.bodyHtml ? (
        // Rendered on the server from Markdown without raw HTML (see OnboardingStep.bodyHtml): safe as it is.
        <div className={mergeClasses(card.markdown, styles.body)} data-testid="onboarding-tips" dangerouslySetInnerHTML={{ __html: step.bodyHtml }} />
      ) : null}
      <div className={styles.footer}>
        {step.automatic ? (
          <Caption1 className={mergeClasses(styles.auto, step.done && styles.autoDone)} data-testid="onboarding-auto">
            {step.done ? t.onboardingAutoDone : step.kind === 'manual' ? null : t.onboardingAutoHints[step.kind]}
          </Caption1>
        ) : (
          <Checkbox
            label={t.onboardingCheck}
            aria-label={t.onboardingCheckAria(step.title)}
            checked={step.done}
            disabled={busy}
            onChange={(_, d) => onMark(d.checked === true)}
          />
        )}
        {step.linkUrl && inApp ? (
          <Button appearance="secondary" aria-label={t.onboardingLinkAria(linkLabel, step.title)} onClick={() => navigate(inApp)}>
            {linkLabel}
          </Button>
        ) : null}
        {step.linkUrl && !inApp ? (
          <Button
            as="a"
            appearance="secondary"
            icon={<OpenRegular />}
            iconPosition="after"
            href={step.linkUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t.onboardingLinkAria(linkLabel, step.title)}
          >
            {linkLabel}
          </Button>
        ) : null}
      </div>
    </article>
  );
}
