import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedDraft } from '../../shared/bridge';
import type { ImportReport } from '../../shared/import/report';
import { findTemplate, proposeTemplate } from '../../shared/report/templates';
import { Dialog } from '../app/Dialog';
import { describeError } from '../app/errors';

/**
 * What an import read, beside the draft it made, before the clerk trusts it: the template, year and
 * unit it found, how many numbers and paragraphs came in, the cells printed blank, and everything
 * to check — years that disagree, numbers and headings that found no place.
 */
export function ImportReportDialog(props: {
  opened: OpenedDraft;
  report: ImportReport;
  onOpen(opened: OpenedDraft): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { report, opened } = props;
  const [problem, setProblem] = useState('');
  const template = findTemplate(report.template);
  const tableName = (id: string) => template?.tables.find((tb) => tb.id === id)?.sheetName ?? id;
  const blanks = Object.entries(report.blankCount);
  const paragraphs = report.slots.reduce((n, s) => n + s.origins.length, 0);
  const years = [...new Set(report.year.found.map((y) => y.year))];

  const nextYear = async () => {
    const year = opened.draft.year + 1;
    try {
      props.onOpen(
        await window.nianbao.drafts.createFromPrevious({
          previousId: opened.draft.id,
          year,
          template: proposeTemplate(year).id,
        }),
      );
    } catch (error) {
      setProblem(describeError(t, error));
    }
  };

  return (
    <Dialog title={t('import.ui.title', { file: report.fileName })} onClose={props.onClose} wide>
      {problem && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      <dl className="import-facts">
        <dt>{t('import.ui.template')}</dt>
        <dd>{template?.name ?? report.template}</dd>
        <dt>{t('import.ui.year')}</dt>
        <dd>{t(`import.ui.yearFrom.${report.year.source}`, { year: report.year.value })}</dd>
        <dt>{t('import.ui.unit')}</dt>
        <dd>{report.unit.name || t('import.ui.unitMissing')}</dd>
      </dl>
      <h3>{t('import.ui.cameIn')}</h3>
      <ul className="plain-list" aria-label={t('import.ui.cameIn')}>
        {(report.cells.length > 0 || report.figures.length === 0) && (
          <li>{t('import.ui.cells', { count: report.cells.length })}</li>
        )}
        {report.figures.length > 0 && <li>{t('import.ui.figures', { count: report.figures.length })}</li>}
        {report.lists.map((l) => (
          <li key={l.list}>
            {t('import.ui.listItems', {
              list: template?.lists.find((def) => def.id === l.list)?.label ?? l.list,
              count: l.items,
            })}
          </li>
        ))}
        <li>{t('import.ui.paragraphs', { count: paragraphs })}</li>
        {blanks.map(([table, count]) => (
          <li key={table}>{t('import.ui.blanks', { table: tableName(table), count })}</li>
        ))}
      </ul>
      <h3>{t('import.ui.toCheck')}</h3>
      <ul className="plain-list" aria-label={t('import.ui.toCheck')}>
        {report.year.disagree && (
          <li>{t('import.ui.yearsDisagree', { years: years.join('、'), year: report.year.value })}</li>
        )}
        {report.year.source === 'assumed' && (
          <li>{t('import.ui.yearAssumed', { year: report.year.value })}</li>
        )}
        {report.trackedChanges > 0 && (
          <li>{t('import.ui.trackedChanges', { count: report.trackedChanges })}</li>
        )}
        {report.script.traditional > 0 && (
          <li>{t('import.ui.traditional', { count: report.script.traditional })}</li>
        )}
        {report.script.pinyin > 0 && (
          <li>
            {t('import.ui.pinyin', { count: report.script.pinyin, example: report.script.pinyinExample })}
          </li>
        )}
        {report.missing.length > 0 && <li>{t('import.ui.missing', { count: report.missing.length })}</li>}
        {report.notPlaced.map((item, i) => (
          <li key={i}>{t(`import.ui.notPlaced.${item.reason}`, { text: item.text })}</li>
        ))}
        <li>{t('import.ui.checksFollow')}</li>
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={() => void nextYear()}>
          {t('import.ui.nextYear', { year: opened.draft.year + 1 })}
        </button>
        <button type="button" className="primary" onClick={() => props.onOpen(opened)}>
          {t('import.ui.open')}
        </button>
      </div>
    </Dialog>
  );
}
