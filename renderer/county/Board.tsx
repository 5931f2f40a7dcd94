import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRowView } from '../../shared/county/view';
import { filterRows, sortRows, type BoardFilter, type Sort, type SortColumn } from '../../shared/county/sort';
import type { BoardRow } from '../../shared/county/board';
import { findTemplate } from '../../shared/report/templates';
import { formatMoment } from '../app/format';
import { navigate } from '../app/route';

const STATUS_FILTERS = ['all', 'submitted', 'late', 'missing'] as const;
const PROBLEM_FILTERS = ['all', 'errors', 'warnings', 'wrongYear', 'oldFormat', 'unlisted'] as const;

/**
 * The status board: one row per unit, sortable by every column (a click on its heading, again to
 * reverse) and filtered by status, by kind of problem and by name. A unit's name opens its report.
 */
export function Board(props: { year: number; rows: BoardRowView[] }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<Sort>({ column: 'unit', descending: false });
  const [filter, setFilter] = useState<BoardFilter>({ status: 'all', problems: 'all', text: '' });
  const [custom, setCustom] = useState(false);
  const showRepeat = props.rows.some((r) => r.repeatShare !== null);
  const shown = useMemo(() => {
    const rows = props.rows as BoardRow[];
    const filtered = filterRows(rows, filter);
    return custom ? sortRows(filtered, sort) : filtered;
  }, [props.rows, filter, sort, custom]);

  const columns: [SortColumn, string][] = [
    ['unit', t('county.ui.col.unit')],
    ['status', t('county.ui.col.status')],
    ['receivedAt', t('county.ui.col.received')],
    ['template', t('county.ui.col.template')],
    ['year', t('county.ui.col.year')],
    ['errors', t('county.ui.col.errors')],
    ['warnings', t('county.ui.col.warnings')],
    ...(showRepeat ? ([['repeat', t('county.ui.col.repeat')]] as [SortColumn, string][]) : []),
  ];
  const sortBy = (column: SortColumn) => {
    setCustom(true);
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }));
  };
  const ariaSort = (column: SortColumn) =>
    custom && sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none';

  return (
    <section className="county-board" aria-label={t('county.ui.boardLabel')}>
      <div className="county-filters">
        <label>
          {t('county.ui.filter.status')}
          <select
            value={filter.status}
            onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value as BoardFilter['status'] }))}
          >
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`county.ui.statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('county.ui.filter.problems')}
          <select
            value={filter.problems}
            onChange={(e) =>
              setFilter((f) => ({ ...f, problems: e.target.value as BoardFilter['problems'] }))
            }
          >
            {PROBLEM_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`county.ui.problemFilter.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('county.ui.filter.text')}
          <input
            type="search"
            value={filter.text}
            onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          />
        </label>
        <span className="county-count" role="status">
          {t('county.ui.shown', { shown: shown.length, total: props.rows.length })}
        </span>
      </div>
      <div className="county-table-wrap">
        <table className="county-table">
          <thead>
            <tr>
              {columns.map(([column, label]) => (
                <th key={column} aria-sort={ariaSort(column)} scope="col">
                  <button type="button" onClick={() => sortBy(column)}>
                    {label}
                    <span aria-hidden="true">
                      {ariaSort(column) === 'ascending'
                        ? ' ▲'
                        : ariaSort(column) === 'descending'
                          ? ' ▼'
                          : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.unit} className={`is-${r.status}`} data-unit={r.unit}>
                <th scope="row">
                  {r.file ? (
                    <button
                      type="button"
                      className="county-unit"
                      onClick={() => navigate({ page: 'county', year: props.year, unit: r.unit })}
                    >
                      {r.unit}
                    </button>
                  ) : (
                    <span className="county-unit">{r.unit}</span>
                  )}
                  {!r.listed && <span className="county-flag">{t('county.ui.unlisted')}</span>}
                </th>
                <td className="county-status">{t(`county.ui.status.${r.status}`)}</td>
                <td>
                  {r.file && (
                    <>
                      <span className="county-file" title={r.file.fileName}>
                        {r.file.fileName}
                      </span>
                      <span className="county-when">{formatMoment(r.firstReceivedAt, i18n.language)}</span>
                      {r.history.length > 1 && (
                        <span className="county-when">
                          {t('county.ui.versions', { count: r.history.length })}
                        </span>
                      )}
                    </>
                  )}
                </td>
                <td>
                  {r.file && (findTemplate(r.file.template)?.name ?? r.file.template)}
                  {r.oldFormat && <span className="county-flag is-error">{t('county.ui.oldFormat')}</span>}
                </td>
                <td>
                  {r.file?.year}
                  {r.wrongYear && <span className="county-flag is-error">{t('county.ui.wrongYear')}</span>}
                </td>
                <td className="county-num">{r.file ? r.errors : ''}</td>
                <td className="county-num">{r.file ? r.warnings : ''}</td>
                {showRepeat && (
                  <td className="county-num">
                    {r.repeatShare === null ? '' : `${Math.round(r.repeatShare * 100)}%`}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
