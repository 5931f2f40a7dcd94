import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingLocation } from '../../shared/report/checks/finding';
import { runChecks } from '../../shared/report/checks/index';
import type { Draft } from '../../shared/report/draft';
import { documentTitle } from '../../shared/report/model';
import { applyGenerated, generateSentences, wouldOverwrite } from '../../shared/report/prose';
import type { TemplateDef } from '../../shared/report/template';
import { computeValues } from '../../shared/report/totals';
import { useDraftSession, type DraftSession } from '../app/draft-session';
import { messageText } from '../app/errors';
import { Notices } from '../app/Notices';
import { navigate } from '../app/route';
import { SaveIndicator } from '../app/SaveIndicator';
import { useSettings } from '../app/settings';
import { TopBar } from '../app/TopBar';
import { errorToFix, fixTarget } from '../checks';
import { ExportStep } from '../export/ExportStep';
import { BasicStep } from './BasicStep';
import { inClerkWords } from './field-names';
import { ProseEditor, type JumpTarget } from './ProseEditor';
import { Block, TableBlock, type StepContext } from './SectionStep';
import { SectionWording } from './SectionWording';
import { SidePane } from './SidePane';
import { StepNav, stepTitle, type StepState } from './StepNav';
import { TitleOrderChoice } from './TitleOrderChoice';
import { UnprintedText } from './UnprintedText';
import { carriedOnStep, EXPORT, missingOnStep, stepOfFinding, wizardStructure, type Step } from './structure';
import { stillThere, UnfinishedContext, useUnfinishedStore, type Unfinished } from './unfinished';

/**
 * Generated sentences follow the numbers: a slot still opening with the text generated last time
 * gets the new text as the clerk types a number (R8's best defence: prose that cannot disagree
 * with the tables). Slots the clerk has edited, or left empty, are not touched.
 */
function followNumbers(template: TemplateDef, before: Draft, after: Draft): Draft {
  if (
    after.values === before.values &&
    after.lists === before.lists &&
    after.unit === before.unit &&
    after.year === before.year
  )
    return after;
  const following = Object.keys(after.generated).filter((slot) => {
    const last = after.generated[slot]!;
    return last !== '' && (after.prose[slot] ?? '').startsWith(last);
  });
  return following.length > 0 ? applyGenerated(template, after, following) : after;
}

/** A table with this many columns needs the width of the side pane to show whole. */
const WIDE_TABLE_COLUMNS = 6;

function hasWideTable(template: TemplateDef, step: Step): boolean {
  const tables =
    step.kind === 'section'
      ? step.section.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))
      : step.kind === 'attachments'
        ? step.tables
        : [];
  return tables.some(
    (id) => (template.tables.find((tb) => tb.id === id)?.columns.length ?? 0) > WIDE_TABLE_COLUMNS,
  );
}

export function WizardPage(props: { id: string; step: string | null }) {
  const { t } = useTranslation();
  const session = useDraftSession(props.id);
  if (session.loadError)
    return (
      <div className="page">
        <TopBar />
        <main className="home">
          <div className="banner error" role="alert">
            <p>{t('ui.wizard.openFailed', { reason: messageText(t, session.loadError) })}</p>
            <button type="button" onClick={() => navigate({ page: 'home' })}>
              {t('ui.wizard.backHome')}
            </button>
          </div>
        </main>
      </div>
    );
  if (!session.draft || !session.template)
    return (
      <div className="page">
        <TopBar />
        <p className="loading" role="status">
          {t('ui.common.loading')}
        </p>
      </div>
    );
  return (
    // Each draft its own wizard: its refused entries, jumps and history are not another draft's.
    <Wizard
      key={session.draft.id}
      session={session}
      draft={session.draft}
      template={session.template}
      stepId={props.step}
    />
  );
}

function Wizard({
  session,
  draft,
  template,
  stepId,
}: {
  session: DraftSession;
  draft: Draft;
  template: TemplateDef;
  stepId: string | null;
}) {
  const { t } = useTranslation();
  const { change, flush, undo, redo } = session;
  const [notices, setNotices] = useState(session.notices);
  useEffect(() => {
    setNotices(session.notices);
  }, [session.notices]);
  const [jump, setJump] = useState<JumpTarget | null>(null);
  /** The clerk's own choice to fold or unfold the side pane; until they make one, wide tables fold it. */
  const [sideChoice, setSideChoice] = useState<boolean | null>(null);
  const nonce = useRef(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const pane = useRef<HTMLElement>(null);
  const { settings } = useSettings();

  const structure = useMemo(
    () => wizardStructure(template, draft.variant, draft.sections),
    [template, draft.variant, draft.sections],
  );
  const step = structure.steps.find((s) => s.id === stepId) ?? structure.steps[0]!;
  const stepIndex = structure.steps.indexOf(step);
  const unfinished = useUnfinishedStore(draft.id, step.id);
  // A list row taken away (by undo, a restored version) takes its refused text with it: there is no
  // field left to correct it in, and it would hold the report back as unfinished for good.
  const { keepOnly } = unfinished.api;
  useEffect(() => {
    keepOnly((key) => stillThere(key, draft.lists));
  }, [keepOnly, draft.lists]);

  /** When each entered number last changed (a rising count), so a broken rule leads to the figure just typed. */
  const changedAt = useRef(new Map<string, number>());
  const lastValues = useRef(draft.values);
  useEffect(() => {
    const before = lastValues.current;
    if (before === draft.values) return;
    lastValues.current = draft.values;
    for (const id of new Set([...Object.keys(before), ...Object.keys(draft.values)]))
      if (before[id] !== draft.values[id]) changedAt.current.set(id, ++nonce.current);
  }, [draft.values]);

  // 撤销 and 重做 from the keyboard anywhere in the wizard, a prose field included: the draft's own
  // history covers every change (a pasted block, a regenerated sentence), which a field's does not.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if (key === 'y' || (key === 'z' && e.shiftKey)) redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
  // At the largest text size the step needs the width more than the side pane does.
  const sideCollapsed = sideChoice ?? (hasWideTable(template, step) || settings.textSize === 150);
  // A new step starts at its top (a jump then scrolls to its target).
  useEffect(() => {
    // In a block: Chromium's scrollTo returns a promise, which React would take for a cleanup.
    void pane.current?.scrollTo(0, 0);
  }, [step.id]);

  // Typing stays immediate: the checks and the preview follow the draft at a lower priority. The
  // first screen is drawn before the first checks run (null), so the report opens at once.
  const checked = useDeferredValue<Draft | null>(draft, null);
  const deferred = checked ?? draft;
  const findings = useMemo(() => (checked ? runChecks(template, checked) : []), [template, checked]);
  const computed = useMemo(() => computeValues(template, draft), [template, draft]);
  const generated = useMemo(() => generateSentences(template, draft), [template, draft]);

  const states = useMemo(() => {
    const out = new Map<string, StepState>();
    for (const s of structure.steps)
      out.set(s.id, {
        errors: 0,
        warnings: 0,
        missing: missingOnStep(template, deferred, s),
        carried: carriedOnStep(template, deferred, s),
        unfinished:
          s.id === EXPORT
            ? unfinished.entries.length
            : unfinished.entries.filter((u) => u.step === s.id).length,
      });
    for (const f of findings) {
      if (f.acknowledged) continue;
      const st = out.get(stepOfFinding(structure, f.at));
      if (st) st[f.severity === 'error' ? 'errors' : 'warnings'] += 1;
    }
    return out;
  }, [structure, findings, template, deferred, unfinished.entries]);

  const onChange = useCallback(
    (update: (d: Draft) => Draft) => change((d) => followNumbers(template, d, update(d))),
    [change, template],
  );

  const { latest } = unfinished;
  const goTo = useCallback(
    (id: string, target?: Omit<JumpTarget, 'nonce'>) => {
      // Every step change saves at once.
      void flush();
      // A refused entry left behind is not saved: say so on the way out, naming each.
      const left = id === step.id ? [] : latest().filter((u) => u.step === step.id);
      setNotices((n) => [
        // Only about the step just left: an older one is out of date.
        ...n.filter((x) => x.key !== 'ui.unfinished.left'),
        ...(left.length === 0
          ? []
          : [
              {
                key: 'ui.unfinished.left',
                params: {
                  count: left.length,
                  items: left.map((u) => t('ui.unfinished.item', { name: u.name, text: u.text })).join('；'),
                },
                severity: 'warning' as const,
              },
            ]),
      ]);
      navigate({ page: 'wizard', id: draft.id, step: id });
      setJump(null);
      if (target) requestAnimationFrame(() => setJump({ ...target, nonce: ++nonce.current }));
      else requestAnimationFrame(() => stepHeading.current?.focus());
    },
    [flush, draft.id, latest, step.id, t],
  );
  const jumpTo = useCallback(
    (at: FindingLocation) =>
      goTo(stepOfFinding(structure, at), {
        slot: at.slot,
        field: at.field,
        offset: at.offset,
        length: at.length,
      }),
    [goTo, structure],
  );
  /** A finding's cell: the one among those its rule involves that the clerk changed last. */
  const jumpToFinding = useCallback(
    (f: Finding) => jumpTo(fixTarget(template, f, changedAt.current)),
    [jumpTo, template],
  );
  const showUnfinished = useCallback(
    (u: Unfinished) => goTo(u.step, u.field ? { field: u.field } : undefined),
    [goTo],
  );
  const acknowledge = useCallback(
    (id: string) =>
      change((d) => (d.acknowledged.includes(id) ? d : { ...d, acknowledged: [...d.acknowledged, id] })),
    [change],
  );

  const ctx: StepContext = {
    template,
    draft,
    structure,
    computed,
    findings,
    generated,
    jump,
    onChange,
    onRegenerate: (slot) => change((d) => applyGenerated(template, d, [slot])),
    wouldOverwrite: (slot) => wouldOverwrite(template, draft, slot),
  };
  const previous = structure.steps[stepIndex - 1];
  const next = structure.steps[stepIndex + 1];

  return (
    <div className="page wizard-page">
      <TopBar>
        <p className="draft-title" title={documentTitle(template, draft)}>
          {documentTitle(template, draft)}
        </p>
        <div className="history-buttons">
          <button
            type="button"
            onClick={undo}
            disabled={!session.canUndo}
            title={t('ui.history.undoHint')}
            aria-keyshortcuts="Control+Z"
          >
            {t('ui.history.undo')}
          </button>
          <button
            type="button"
            onClick={redo}
            disabled={!session.canRedo}
            title={t('ui.history.redoHint')}
            aria-keyshortcuts="Control+Y Control+Shift+Z"
          >
            {t('ui.history.redo')}
          </button>
        </div>
        <SaveIndicator
          state={session.saveState}
          onRetry={() => void flush()}
          inWords={(reason) => inClerkWords(t, template, draft, reason)}
        />
      </TopBar>
      <UnfinishedContext.Provider value={unfinished.api}>
        <div className={sideCollapsed ? 'wizard side-collapsed' : 'wizard'}>
          <StepNav steps={structure.steps} states={states} current={step.id} onGo={(id) => goTo(id)} />
          <main className="step-pane" aria-labelledby="step-title" ref={pane}>
            <Notices notices={notices} onDismiss={(i) => setNotices((n) => n.filter((_, j) => j !== i))} />
            <header className="step-head">
              <p className="step-count">
                {t('ui.steps.count', { n: stepIndex + 1, total: structure.steps.length })}
              </p>
              <h1 id="step-title" ref={stepHeading} tabIndex={-1}>
                {stepTitle(step, t)}
              </h1>
            </header>
            {stepBody()}
            <footer className="step-foot">
              {previous ? (
                <button type="button" onClick={() => goTo(previous.id)}>
                  {t('ui.steps.previous', { title: stepTitle(previous, t) })}
                </button>
              ) : (
                <span />
              )}
              {next && (
                <button type="button" className="primary" onClick={() => goTo(next.id)}>
                  {t('ui.steps.next', { title: stepTitle(next, t) })}
                </button>
              )}
            </footer>
          </main>
          <SidePane
            template={template}
            draft={deferred}
            findings={findings}
            onJump={jumpToFinding}
            onAcknowledge={acknowledge}
            unfinished={unfinished.entries}
            onShowUnfinished={showUnfinished}
            preferPreview={step.kind === 'export'}
            collapsed={sideCollapsed}
            onCollapsed={setSideChoice}
          />
        </div>
      </UnfinishedContext.Provider>
    </div>
  );

  /** A render helper, not a component: the editors keep their state and focus across keystrokes. */
  function stepBody() {
    const s: Step = step;
    const c = ctx;
    if (s.kind === 'basic')
      return (
        <>
          <BasicStep template={template} draft={draft} findings={findings} jump={jump} onChange={onChange} />
          {template.preface && (
            <ProseEditor
              slot={template.preface}
              fallbackTitle={t('ui.prose.preface')}
              text={draft.prose[template.preface.id] ?? ''}
              generated={generated[template.preface.id]}
              lastGenerated={draft.generated[template.preface.id]}
              wouldOverwrite={() => c.wouldOverwrite(template.preface!.id)}
              findings={findings.filter((f) => f.at.slot === template.preface!.id)}
              jump={jump}
              onText={(text) =>
                onChange((d) => ({ ...d, prose: { ...d.prose, [template.preface!.id]: text } }))
              }
              onRegenerate={() => c.onRegenerate(template.preface!.id)}
            />
          )}
          <TitleOrderChoice template={template} draft={draft} onChange={onChange} />
          <UnprintedText template={template} draft={draft} onChange={onChange} />
        </>
      );
    if (s.kind === 'section')
      return (
        <>
          <SectionWording template={template} draft={draft} step={s} onChange={onChange} />
          {s.section.blocks.map((b, i) => (
            <Block key={`${b.kind}-${i}`} block={b} ctx={c} fallbackTitle={t('ui.prose.body')} />
          ))}
        </>
      );
    if (s.kind === 'attachments')
      return (
        <>
          {s.tables.map((id) => (
            <TableBlock key={id} tableId={id} ctx={c} />
          ))}
        </>
      );
    return (
      <ExportStep
        draft={draft}
        findings={findings}
        flush={flush}
        onShowErrors={() => {
          const f = errorToFix(template, findings, changedAt.current);
          if (f) jumpToFinding(f);
        }}
        unfinished={unfinished.entries}
        onShowUnfinished={showUnfinished}
      />
    );
  }
}
