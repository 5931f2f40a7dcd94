import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, UserMessage } from '../../shared/bridge';
import type { Finding } from '../../shared/report/checks/finding';
import type { Draft } from '../../shared/report/draft';
import { messageText, toUserMessage } from '../app/errors';
import { PRINT_SIZES, type PrintSize } from '../app/route';
import type { Unfinished } from '../wizard/unfinished';
import { UnfinishedBanner } from '../wizard/UnfinishedBanner';

type Outcome =
  | { kind: 'saved'; path: string; draftMarked: boolean }
  | { kind: 'printed' }
  | { kind: 'failed'; message: UserMessage };

/**
 * 导出和打印: the Word file, the Excel tables, a PDF, the printer, and the draft file for the USB
 * stick. A report with errors can only leave as 草稿 (every page marked so); the final version
 * needs none. After an export the clerk is told where the file went and can open its folder.
 */
export function ExportStep(props: {
  draft: Draft;
  findings: Finding[];
  /** Saves the draft now: the services export what is stored, so it must be the latest. */
  flush(): Promise<boolean>;
  onShowErrors(): void;
  /** Entries refused at their fields: the files would carry the values from before them. */
  unfinished: readonly Unfinished[];
  onShowUnfinished(entry: Unfinished): void;
}) {
  const { t } = useTranslation();
  const errors = props.findings.filter((f) => f.severity === 'error').length;
  const warnings = props.findings.filter((f) => f.severity === 'warning' && !f.acknowledged).length;
  const [wantFinal, setWantFinal] = useState(true);
  const [size, setSize] = useState<PrintSize>('a4');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const unfinished = props.unfinished.length;
  const final = wantFinal && errors === 0 && unfinished === 0;
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) result.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);
  const { id } = props.draft;

  const run = async (
    what: string,
    work: () => Promise<ExportResult | { ok: true } | { ok: false; cancelled: true }>,
  ) => {
    setBusy(what);
    setOutcome(null);
    try {
      if (!(await props.flush())) {
        setOutcome({ kind: 'failed', message: { key: 'ui.export.saveFirst', params: {} } });
        return;
      }
      const result = await work();
      if (result.ok)
        setOutcome(
          'path' in result
            ? { kind: 'saved', path: result.path, draftMarked: result.draftMarked }
            : { kind: 'printed' },
        );
      else if ('error' in result) setOutcome({ kind: 'failed', message: result.error });
    } catch (error) {
      setOutcome({ kind: 'failed', message: toUserMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const action = (
    what: string,
    label: string,
    work: () => Promise<ExportResult | { ok: true } | { ok: false; cancelled: true }>,
    primary = false,
  ) => (
    <button
      type="button"
      className={primary ? 'primary big' : 'big'}
      disabled={busy !== null}
      onClick={() => void run(what, work)}
      data-export={what}
    >
      {busy === what ? t('ui.export.working') : label}
    </button>
  );

  return (
    <div className="export-step">
      <UnfinishedBanner
        entries={props.unfinished}
        onShow={props.onShowUnfinished}
        className="export-unfinished"
      />
      {errors > 0 ? (
        <div className="banner error">
          <p>{t('ui.export.hasErrors', { count: errors })}</p>
          <button type="button" onClick={props.onShowErrors}>
            {t('ui.export.showErrors')}
          </button>
        </div>
      ) : (
        unfinished === 0 && (
          <p className="banner ok">
            {warnings > 0 ? t('ui.export.readyWithWarnings', { count: warnings }) : t('ui.export.ready')}
          </p>
        )
      )}

      <fieldset className="export-mode">
        <legend>{t('ui.export.mode')}</legend>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            checked={final}
            disabled={errors > 0 || unfinished > 0}
            onChange={() => setWantFinal(true)}
          />
          {t('ui.export.final')}
        </label>
        <label className="choice">
          <input type="radio" name="mode" checked={!final} onChange={() => setWantFinal(false)} />
          {t('ui.export.draft')}
        </label>
        {(errors > 0 || unfinished > 0) && <p className="hint">{t('ui.export.finalNeedsNoErrors')}</p>}
      </fieldset>

      <section className="export-group" aria-labelledby="export-files">
        <h2 id="export-files">{t('ui.export.files')}</h2>
        <div className="export-buttons">
          {action('docx', t('ui.export.docx'), () => window.nianbao.exports.docx({ id, final }), true)}
          {action('xlsx', t('ui.export.xlsx'), () => window.nianbao.exports.xlsx({ id, final }))}
        </div>
      </section>

      <section className="export-group" aria-labelledby="export-print">
        <h2 id="export-print">{t('ui.export.printTitle')}</h2>
        <fieldset className="export-size">
          <legend>{t('ui.export.size')}</legend>
          {PRINT_SIZES.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="size" checked={size === s} onChange={() => setSize(s)} />
              {t(`ui.export.sizeName.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="export-buttons">
          {action('print', t('ui.export.print'), () => window.nianbao.exports.print({ id, size, final }))}
          {action('pdf', t('ui.export.pdf'), () => window.nianbao.exports.pdf({ id, size, final }))}
        </div>
      </section>

      <section className="export-group" aria-labelledby="export-exchange">
        <h2 id="export-exchange">{t('ui.export.exchangeTitle')}</h2>
        <p className="hint">{t('ui.export.exchangeHint')}</p>
        <div className="export-buttons">
          {action('json', t('ui.export.json'), () => window.nianbao.drafts.exportFile(id))}
        </div>
      </section>

      <div aria-live="polite" ref={result}>
        {outcome?.kind === 'saved' && (
          <div className="banner ok export-result">
            <p>
              {t(outcome.draftMarked ? 'ui.export.savedDraft' : 'ui.export.saved')}{' '}
              <code className="path">{outcome.path}</code>
            </p>
            <button type="button" onClick={() => void window.nianbao.exports.showInFolder(outcome.path)}>
              {t('ui.export.openFolder')}
            </button>
          </div>
        )}
        {outcome?.kind === 'printed' && <p className="banner ok">{t('ui.export.printed')}</p>}
        {outcome?.kind === 'failed' && (
          <p className="banner error" role="alert">
            {messageText(t, outcome.message)}
          </p>
        )}
      </div>
    </div>
  );
}
