import { useTranslation } from 'react-i18next';
import type { Step } from './structure';

export interface StepState {
  errors: number;
  warnings: number;
  missing: number;
  /** Entries refused at their field and so not in the draft (a "1.4" in a count). */
  unfinished: number;
  /** Paragraphs still as carried from last year's report, not yet edited or confirmed. */
  carried: number;
}

export function stepTitle(step: Step, t: (key: string) => string): string {
  if (step.kind === 'section') return step.section.heading;
  return t(`ui.steps.${step.kind}`);
}

/** A step nothing is known about yet: counted as nothing to do. */
const NOTHING: StepState = { errors: 0, warnings: 0, missing: 0, unfinished: 0, carried: 0 };

/**
 * The steps down the side: each says whether it is done, still missing something, still holds
 * last year's paragraphs unread, holds an entry that was refused and not saved, or has an error,
 * so the clerk sees what is left without opening anything. Every step is one click away.
 */
export function StepNav(props: {
  steps: Step[];
  states: ReadonlyMap<string, StepState>;
  current: string;
  onGo(step: string): void;
}) {
  const { t } = useTranslation();
  const work = props.steps.filter((s) => s.kind !== 'export');
  const done = work.filter((s) => {
    const st = props.states.get(s.id);
    return st && st.errors === 0 && st.missing === 0 && st.unfinished === 0 && st.carried === 0;
  }).length;

  return (
    <nav className="step-nav" aria-label={t('ui.steps.label')}>
      <p className="progress-text" id="progress-text">
        {t('ui.steps.progress', { done, total: work.length })}
      </p>
      <progress value={done} max={work.length} aria-labelledby="progress-text" />
      <ol>
        {props.steps.map((step) => {
          const st = props.states.get(step.id) ?? NOTHING;
          const status =
            step.kind === 'export'
              ? st.unfinished > 0
                ? 'unfinished'
                : 'export'
              : st.unfinished > 0
                ? 'unfinished'
                : st.errors > 0
                  ? 'error'
                  : st.missing > 0
                    ? 'missing'
                    : st.carried > 0
                      ? 'carried'
                      : 'done';
          const detail =
            status === 'unfinished'
              ? t('ui.steps.unfinished', { count: st.unfinished })
              : status === 'error'
                ? t('ui.checks.errors', { count: st.errors })
                : status === 'missing'
                  ? t('ui.steps.missing', { count: st.missing })
                  : status === 'carried'
                    ? t('ui.steps.carried', { count: st.carried })
                    : status === 'done'
                      ? st.warnings > 0
                        ? t('ui.checks.warnings', { count: st.warnings })
                        : t('ui.steps.done')
                      : '';
          return (
            <li key={step.id}>
              <button
                type="button"
                className={`step ${status}`}
                aria-current={props.current === step.id ? 'step' : undefined}
                onClick={() => props.onGo(step.id)}
                data-step={step.id}
              >
                <span className="step-icon" aria-hidden="true">
                  {status === 'done'
                    ? '✓'
                    : status === 'error' || status === 'unfinished'
                      ? '!'
                      : status === 'export'
                        ? '⇩'
                        : '○'}
                </span>
                <span className="step-text">
                  <span className="step-title">{stepTitle(step, t)}</span>
                  {detail && <span className="step-detail">{detail}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
