import { useTranslation } from 'react-i18next';
import type { CountyView } from '../../shared/county/view';
import { BarChart } from './Charts';

/** 汇总 at a glance: the county's main figures, how its applications ended, and each unit's applications. */
export function TotalsPanel(props: { view: CountyView }) {
  const { t } = useTranslation();
  const { totals } = props.view;
  return (
    <section className="county-totals" aria-label={t('county.ui.totals.title')}>
      <h2>{t('county.ui.totals.heading', { units: totals.units.length, template: totals.templateName })}</h2>
      <div className="county-totals-body">
        <div className="county-figures">
          <table>
            <tbody>
              {totals.figures.map((f) => (
                <tr key={f.id} data-field={f.id}>
                  <th scope="row">{f.label}</th>
                  <td className="county-num">
                    {f.value}
                    {f.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {totals.results.length > 0 && (
          <BarChart title={t('county.ui.chart.results')} bars={totals.results} labelWidth={220} />
        )}
        {totals.applications.length > 0 && (
          <BarChart title={t('county.ui.chart.applications')} bars={totals.applications} labelWidth={170} />
        )}
      </div>
    </section>
  );
}
