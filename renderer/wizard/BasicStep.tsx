import { forwardRef, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/report/checks/finding';
import type { Draft, Unit } from '../../shared/report/draft';
import { UNIT_TEXT_MAX } from '../../shared/report/limits';
import { selfRef } from '../../shared/report/model';
import { UNIT_KINDS, type TemplateDef, type UnitKind } from '../../shared/report/template';
import { proposeTemplate } from '../../shared/report/templates';
import type { UserMessage } from '../../shared/bridge';
import { parseChineseDate } from '../../shared/report/dates';
import { chineseDate } from '../../shared/report/text';
import { messageText } from '../app/errors';
import { parseYear, YEARS } from '../app/format';
import { ImeInput } from '../app/ime';
import type { JumpTarget } from './ProseEditor';
import { useUnfinished } from './unfinished';

/**
 * 成文日期 as text, read by parseChineseDate in every way a clerk writes a date, whatever the
 * computer's locale, and shown as the report prints it (2027年1月15日) once the clerk moves on. A
 * date that is not one (2月30日) is refused here, with the draft keeping the date it had, so it
 * can never reach the services and stop the saving of everything else.
 */
const DateInput = forwardRef<
  HTMLInputElement,
  { iso: string; name: string; onIso(iso: string): void; describedBy: string; problemId: string }
>(function DateInput({ iso, name, onIso, describedBy, problemId }, ref) {
  const { t } = useTranslation();
  const unfinished = useUnfinished();
  const held = unfinished.get('issuedOn');
  const [text, setText] = useState(held?.text ?? chineseDate(iso));
  const [problem, setProblem] = useState<UserMessage | null>(held?.message ?? null);
  const [typing, setTyping] = useState(false);
  const reported = useRef(iso);
  /** The date when the clerk entered the field: what the draft keeps while the entry is refused. */
  const before = useRef(iso);
  useEffect(() => {
    if (iso === reported.current) return;
    reported.current = iso;
    before.current = iso;
    setText(chineseDate(iso));
    setProblem(null);
    unfinished.report('issuedOn', null);
  }, [iso, unfinished]);

  const commit = (typed: string) => {
    setText(typed);
    const blank = typed.replace(/[\s\u3000]/g, '') === '';
    const parsed = blank ? ({ ok: true, iso: '' } as const) : parseChineseDate(typed);
    if (!parsed.ok) {
      const message = { key: parsed.key, params: parsed.params };
      if (problem) setProblem(message);
      // 2027.1.1 was a date on the way to 2027.1.15x: it does not stay in the draft.
      if (reported.current !== before.current) {
        reported.current = before.current;
        onIso(before.current);
      }
      unfinished.report('issuedOn', { name, text: typed, message, field: 'issuedOn' });
      return;
    }
    setProblem(null);
    unfinished.report('issuedOn', null);
    if (parsed.iso !== reported.current) {
      reported.current = parsed.iso;
      onIso(parsed.iso);
    }
  };

  return (
    <>
      <ImeInput
        id="issued-on"
        ref={ref}
        className="date-input"
        value={text}
        onCommit={commit}
        onFocus={() => {
          setTyping(true);
          if (!unfinished.get('issuedOn')) before.current = reported.current;
        }}
        onBlur={() => {
          setTyping(false);
          const entry = unfinished.get('issuedOn');
          if (entry) setProblem(entry.message);
          else setText(chineseDate(reported.current));
        }}
        placeholder={typing ? '' : t('ui.basic.issuedOnPlaceholder')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${problemId} ${describedBy}` : describedBy}
      />
      {problem && (
        <p id={problemId} className="problem" role="alert">
          {messageText(t, problem)}
        </p>
      )}
    </>
  );
});

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  problems?: string[];
  children: ReactNode;
  wide?: boolean;
}) {
  const problems = props.problems ?? [];
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {problems.map((p) => (
        <p key={p} className="problem">
          {p}
        </p>
      ))}
    </div>
  );
}

/**
 * 基本信息: who reports, for which year, how to reach them, and the signature and date under the
 * body. The 前言 that is generated from these follows on the same step (rendered by the caller).
 */
export function BasicStep(props: {
  template: TemplateDef;
  draft: Draft;
  findings: Finding[];
  jump: JumpTarget | null;
  onChange(update: (draft: Draft) => Draft): void;
}) {
  const { t } = useTranslation();
  const { template, draft, onChange, jump } = props;
  const unfinished = useUnfinished();
  const [yearText, setYearText] = useState(unfinished.get('year')?.text ?? String(draft.year));
  const [yearProblem, setYearProblem] = useState(
    unfinished.get('year') ? t('ui.newReport.yearProblem', YEARS) : '',
  );
  const nameInput = useRef<HTMLInputElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!jump) return;
    const target =
      jump.field === 'issuedOn' ? dateInput.current : jump.field === 'unit.name' ? nameInput.current : null;
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [jump]);

  const setUnit = <K extends keyof Unit>(key: K, value: Unit[K]) =>
    onChange((d) => ({ ...d, unit: { ...d.unit, [key]: value } }));
  const problemsAt = (field: string) =>
    props.findings.filter((f) => f.at.field === field && !f.acknowledged).map((f) => messageText(t, f));

  const commitYear = (text: string) => {
    setYearText(text);
    const year = parseYear(text);
    if (year === null) {
      setYearProblem(t('ui.newReport.yearProblem', YEARS));
      unfinished.report('year', {
        name: t('ui.basic.year'),
        text,
        message: { key: 'ui.newReport.yearProblem', params: YEARS },
      });
      return;
    }
    setYearProblem('');
    unfinished.report('year', null);
    onChange((d) => ({ ...d, year }));
  };
  const proposed = proposeTemplate(draft.year);
  const text = (key: keyof typeof UNIT_TEXT_MAX, label: string, hint?: string, wide?: boolean) => (
    <Field id={`unit-${key}`} label={label} hint={hint} wide={wide}>
      <ImeInput
        id={`unit-${key}`}
        value={draft.unit[key]}
        maxLength={UNIT_TEXT_MAX[key]}
        onCommit={(v) => setUnit(key, v)}
        aria-describedby={hint ? `unit-${key}-hint` : undefined}
      />
    </Field>
  );

  return (
    <div className="basic-grid">
      <Field
        id="unit-name"
        label={t('ui.basic.unitName')}
        hint={t('ui.basic.unitNameHint')}
        problems={problemsAt('unit.name')}
        wide
      >
        <ImeInput
          id="unit-name"
          ref={nameInput}
          value={draft.unit.name}
          onCommit={(v) => setUnit('name', v)}
          maxLength={UNIT_TEXT_MAX.name}
          placeholder={t('ui.basic.unitNamePlaceholder')}
          aria-describedby="unit-name-hint"
        />
      </Field>
      <Field id="unit-kind" label={t('ui.basic.kind')}>
        <select
          id="unit-kind"
          value={draft.unit.kind}
          onChange={(e) => setUnit('kind', e.target.value as UnitKind)}
        >
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`ui.unitKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {text('region', t('ui.basic.region'), t('ui.basic.regionHint'))}
      {template.variants.length > 1 && (
        <Field id="variant" label={t('ui.newReport.variant')} hint={t('ui.basic.variantHint')}>
          <select
            id="variant"
            value={draft.variant}
            onChange={(e) => onChange((d) => ({ ...d, variant: e.target.value }))}
            aria-describedby="variant-hint"
          >
            {template.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field
        id="report-year"
        label={t('ui.basic.year')}
        hint={
          proposed.id === template.id
            ? t('ui.basic.yearHint')
            : t('ui.basic.yearOtherTemplate', { name: proposed.name })
        }
        problems={yearProblem ? [yearProblem] : []}
      >
        <ImeInput
          id="report-year"
          className="year-input"
          inputMode="numeric"
          value={yearText}
          onCommit={commitYear}
          aria-invalid={yearProblem ? true : undefined}
          aria-describedby="report-year-hint"
        />
      </Field>
      <Field
        id="unit-selfRef"
        label={t('ui.basic.selfRef')}
        hint={t('ui.basic.selfRefHint', { self: selfRef({ ...draft.unit, selfRef: '' }) })}
      >
        <ImeInput
          id="unit-selfRef"
          value={draft.unit.selfRef}
          onCommit={(v) => setUnit('selfRef', v)}
          maxLength={UNIT_TEXT_MAX.selfRef}
          placeholder={selfRef({ ...draft.unit, selfRef: '' })}
          aria-describedby="unit-selfRef-hint"
        />
      </Field>
      {text('address', t('ui.basic.address'), undefined, true)}
      {text('phone', t('ui.basic.phone'))}
      {text('website', t('ui.basic.website'), t('ui.basic.websiteHint'), true)}
      <Field id="unit-signature" label={t('ui.basic.signature')} hint={t('ui.basic.signatureHint')}>
        <ImeInput
          id="unit-signature"
          value={draft.unit.signature}
          onCommit={(v) => setUnit('signature', v)}
          maxLength={UNIT_TEXT_MAX.signature}
          placeholder={draft.unit.name}
          aria-describedby="unit-signature-hint"
        />
      </Field>
      <Field
        id="issued-on"
        label={t('ui.basic.issuedOn')}
        hint={`${t('ui.basic.issuedOnFormats')}${draft.issuedOn ? '' : t('ui.basic.issuedOnHint', { year: draft.year + 1 })}`}
        problems={problemsAt('issuedOn')}
      >
        <DateInput
          ref={dateInput}
          iso={draft.issuedOn}
          name={t('ui.basic.issuedOn')}
          onIso={(iso) => onChange((d) => ({ ...d, issuedOn: iso }))}
          describedBy="issued-on-hint"
          problemId="issued-on-problem"
        />
      </Field>
    </div>
  );
}
