import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary, OpenedDraft } from '../../shared/bridge';
import { UNIT_TEXT_MAX } from '../../shared/report/limits';
import { UNIT_KINDS, type UnitKind } from '../../shared/report/template';
import { findTemplate, proposeTemplate, TEMPLATES } from '../../shared/report/templates';
import { Dialog } from '../app/Dialog';
import { describeError } from '../app/errors';
import { defaultReportYear, parseYear, YEARS } from '../app/format';
import { fileAsBase64, IMPORT_ACCEPT, pickFile } from '../import/read-file';

/** The draft to start from by default: last year's report for the chosen year, else the newest. */
function bestPrevious(drafts: DraftSummary[], year: number): DraftSummary | undefined {
  return drafts.find((d) => d.year === year - 1) ?? drafts[0];
}

/**
 * 新建报告: the reporting year first, because it decides the template (national-2021 from 2021
 * on, the township template before); then either an empty report or one started from last year's.
 */
export function NewReportDialog(props: {
  drafts: DraftSummary[];
  onClose(): void;
  onCreated(opened: OpenedDraft): void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [yearText, setYearText] = useState(String(defaultReportYear()));
  const [start, setStart] = useState<'empty' | 'previous' | 'file'>('empty');
  /** Last year's report imported from a Word file or a page, to start from as from a draft. */
  const [imported, setImported] = useState<{ id: string; year: number; unit: string; file: string } | null>(
    null,
  );
  const [previousId, setPreviousId] = useState(
    () => bestPrevious(props.drafts, defaultReportYear())?.id ?? '',
  );
  const [chosenTemplate, setChosenTemplate] = useState<string | null>(null);
  const [variant, setVariant] = useState<string | null>(null);
  const [unitName, setUnitName] = useState('');
  const [kind, setKind] = useState<UnitKind>('township');
  const [problems, setProblems] = useState<{ year?: string; unitName?: string; submit?: string }>({});
  const [busy, setBusy] = useState(false);

  const year = parseYear(yearText);
  const proposed = proposeTemplate(year ?? defaultReportYear());
  // The proposal follows the year until the clerk picks a template themselves.
  const template = (chosenTemplate && findTemplate(chosenTemplate)) || proposed;
  const variantId =
    variant && template.variants.some((v) => v.id === variant) ? variant : template.variants[0]!.id;

  const choosePrevious = (id: string) => {
    setPreviousId(id);
    const previous = props.drafts.find((d) => d.id === id);
    if (previous) setYearText(String(previous.year + 1));
  };

  const importPrevious = async (file: File) => {
    setProblems({});
    try {
      const result = await window.nianbao.drafts.importDocument({
        fileName: file.name,
        data: await fileAsBase64(file),
      });
      if (!result.ok) {
        setProblems({
          submit: t('import.ui.failed', {
            file: file.name,
            reason: t(result.error.key, result.error.params),
          }),
        });
        return;
      }
      const { draft } = result.opened;
      setImported({ id: draft.id, year: draft.year, unit: draft.unit.name, file: file.name });
      setYearText(String(draft.year + 1));
    } catch (error) {
      setProblems({ submit: describeError(t, error) });
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof problems = {};
    if (year === null) found.year = t('ui.newReport.yearProblem', YEARS);
    if (start === 'empty' && unitName.trim() === '') found.unitName = t('ui.newReport.unitNameProblem');
    if (start === 'file' && !imported) found.submit = t('import.ui.noFile');
    setProblems(found);
    if (Object.keys(found).length > 0 || year === null) return;
    setBusy(true);
    try {
      const fromId = start === 'file' ? imported?.id : start === 'previous' ? previousId : undefined;
      const opened =
        fromId !== undefined
          ? await window.nianbao.drafts.createFromPrevious({
              previousId: fromId,
              year,
              template: template.id,
            })
          : await window.nianbao.drafts.create({
              template: template.id,
              variant: variantId,
              year,
              unit: { name: unitName.trim(), kind },
            });
      props.onCreated(opened);
    } catch (error) {
      setProblems({ submit: describeError(t, error) });
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('ui.newReport.title')} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="start-choice">
          <legend>{t('ui.newReport.howToStart')}</legend>
          <label className="choice">
            <input type="radio" name="start" checked={start === 'empty'} onChange={() => setStart('empty')} />
            {t('ui.newReport.startEmpty')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="start"
              checked={start === 'previous'}
              disabled={props.drafts.length === 0}
              onChange={() => {
                setStart('previous');
                if (previousId) choosePrevious(previousId);
              }}
            />
            {t('ui.newReport.startFromPrevious')}
          </label>
          {props.drafts.length === 0 && <p className="hint">{t('ui.newReport.noPrevious')}</p>}
          <label className="choice">
            <input type="radio" name="start" checked={start === 'file'} onChange={() => setStart('file')} />
            {t('import.ui.startFromFile')}
          </label>
        </fieldset>

        {start === 'file' && (
          <div className="field">
            <button
              type="button"
              onClick={() => pickFile(IMPORT_ACCEPT, (file) => void importPrevious(file))}
            >
              {t('import.ui.chooseFile')}
            </button>
            <p className="hint" role="status">
              {imported
                ? t('import.ui.importedPrevious', {
                    unit: imported.unit || t('ui.home.unnamed'),
                    year: imported.year,
                    file: imported.file,
                  })
                : t('import.ui.fileHint')}
            </p>
          </div>
        )}

        {start === 'previous' && (
          <div className="field">
            <label htmlFor={`${ids}-previous`}>{t('ui.newReport.previous')}</label>
            <select
              id={`${ids}-previous`}
              value={previousId}
              onChange={(e) => choosePrevious(e.target.value)}
            >
              {props.drafts.map((d) => (
                <option key={d.id} value={d.id}>
                  {t('ui.newReport.previousOption', {
                    unit: d.unitName || t('ui.home.unnamed'),
                    year: d.year,
                  })}
                </option>
              ))}
            </select>
            <p className="hint">{t('ui.newReport.previousHint')}</p>
          </div>
        )}

        <div className="field">
          <label htmlFor={`${ids}-year`}>{t('ui.newReport.year')}</label>
          <input
            id={`${ids}-year`}
            inputMode="numeric"
            value={yearText}
            onChange={(e) => setYearText(e.target.value)}
            aria-invalid={problems.year ? true : undefined}
            aria-describedby={`${ids}-year-hint`}
            className="year-input"
          />
          <p id={`${ids}-year-hint`} className={problems.year ? 'problem' : 'hint'}>
            {problems.year ?? t('ui.newReport.yearHint')}
          </p>
        </div>

        {start === 'empty' && (
          <>
            <div className="field">
              <label htmlFor={`${ids}-unit`}>{t('ui.basic.unitName')}</label>
              <input
                id={`${ids}-unit`}
                value={unitName}
                onChange={(e) => setUnitName(e.target.value)}
                maxLength={UNIT_TEXT_MAX.name}
                placeholder={t('ui.basic.unitNamePlaceholder')}
                aria-invalid={problems.unitName ? true : undefined}
                aria-describedby={`${ids}-unit-hint`}
              />
              {problems.unitName && (
                <p id={`${ids}-unit-hint`} className="problem">
                  {problems.unitName}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-kind`}>{t('ui.basic.kind')}</label>
              <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
                {UNIT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`ui.unitKind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}

        <div className="field">
          <label htmlFor={`${ids}-template`}>{t('ui.newReport.template')}</label>
          <select
            id={`${ids}-template`}
            value={template.id}
            onChange={(e) => setChosenTemplate(e.target.value)}
            aria-describedby={`${ids}-template-hint`}
          >
            {TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.id === proposed.id ? t('ui.newReport.proposed', { name: tpl.name }) : tpl.name}
              </option>
            ))}
          </select>
          <p id={`${ids}-template-hint`} className="hint">
            {t('ui.newReport.templateHint', { basis: template.basis })}
          </p>
        </div>

        {start === 'empty' && template.variants.length > 1 && (
          <div className="field">
            <label htmlFor={`${ids}-variant`}>{t('ui.newReport.variant')}</label>
            <select id={`${ids}-variant`} value={variantId} onChange={(e) => setVariant(e.target.value)}>
              {template.variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
        )}

        {problems.submit && (
          <p className="banner error" role="alert">
            {problems.submit}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            {t('ui.common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('ui.newReport.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
