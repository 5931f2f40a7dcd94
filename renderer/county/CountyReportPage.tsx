import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountyView } from '../../shared/county/view';
import { describeError } from '../app/errors';
import { navigate } from '../app/route';
import { BarChart } from './Charts';
import './county.css';

/**
 * 报送情况: one page for the leadership, printed from the browser's or the shell's print: how many
 * units were expected, how many reported, who was late, who is missing, whose report has errors,
 * each by name.
 */
export function CountyReportPage(props: { year: number }) {
  const { t } = useTranslation();
  const [view, setView] = useState<CountyView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    window.nianbao.county
      .open(props.year)
      .then(setView)
      .catch((e: unknown) => setError(describeError(t, e)));
  }, [props.year, t]);
  if (error) return <p className="banner error">{error}</p>;
  if (!view) return null;
  const r = view.report;
  const line = (label: string, names: string[]) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="county-num">{names.length}</td>
      <td>{names.join('、') || '—'}</td>
    </tr>
  );
  return (
    <div className="county-report">
      <div className="county-report-tools no-print">
        <button type="button" onClick={() => navigate({ page: 'county', year: props.year, unit: null })}>
          ◂ {t('county.ui.unit.back')}
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('county.ui.report.print')}
        </button>
      </div>
      <article className="county-report-page">
        <h1>{t('county.report.title', { year: r.year })}</h1>
        <p className="county-report-sub">
          {t('county.report.deadline', { deadline: r.deadline })}
          {view.issuer ? ` · ${view.issuer}` : ''}
        </p>
        <table className="county-report-table">
          <thead>
            <tr>
              <th scope="col">{t('county.report.item')}</th>
              <th scope="col">{t('county.report.count')}</th>
              <th scope="col">{t('county.report.units')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('county.report.expected')}</th>
              <td className="county-num">{r.expected}</td>
              <td />
            </tr>
            {line(t('county.report.reported'), r.reported)}
            {line(t('county.report.late'), r.late)}
            {line(t('county.report.missing'), r.missing)}
            {line(t('county.report.withErrors'), r.withErrors)}
            {r.wrongYear.length > 0 && line(t('county.report.wrongYear'), r.wrongYear)}
            {r.oldFormat.length > 0 && line(t('county.report.oldFormat'), r.oldFormat)}
            {r.unlisted.length > 0 && line(t('county.report.unlisted'), r.unlisted)}
          </tbody>
        </table>
        <BarChart
          title={t('county.ui.chart.status')}
          width={420}
          labelWidth={90}
          bars={(['submitted', 'late', 'missing'] as const).map((s) => ({
            label: t(`county.ui.status.${s}`),
            value: view.rows.filter((row) => row.status === s).length,
            tone: `is-${s}`,
          }))}
        />
      </article>
    </div>
  );
}
