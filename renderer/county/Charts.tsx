/**
 * The county's pictures, drawn as plain SVG rather than with a charting library: three bar charts
 * need no scales, animation or canvas; SVG prints sharp at any size (a canvas chart prints as a
 * bitmap), takes the page's Chinese fonts, works offline by construction and adds nothing to the
 * bundle. Every bar carries its number as text, so nothing is told by length or colour alone.
 */

export interface BarDatum {
  label: string;
  value: number;
  /** A class for the bar's colour (status charts). */
  tone?: string;
}

const ROW = 22;
const GAP = 6;

/** Horizontal bars, one a row: label, bar, number. */
export function BarChart(props: { title: string; bars: BarDatum[]; labelWidth?: number; width?: number }) {
  const width = props.width ?? 520;
  const labelWidth = props.labelWidth ?? 170;
  const numberWidth = 48;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const plot = width - labelWidth - numberWidth;
  const height = props.bars.length * (ROW + GAP) + GAP;
  return (
    <figure className="county-chart">
      <figcaption>{props.title}</figcaption>
      <svg
        role="img"
        aria-label={`${props.title}: ${props.bars.map((b) => `${b.label} ${b.value}`).join('，')}`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        {props.bars.map((b, i) => {
          const y = GAP + i * (ROW + GAP);
          const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plot);
          return (
            <g key={`${b.label}-${i}`}>
              <text
                x={labelWidth - 6}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="central"
                className="chart-label"
              >
                {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
                <title>{b.label}</title>
              </text>
              <rect x={labelWidth} y={y} width={w} height={ROW} className={`chart-bar ${b.tone ?? ''}`} />
              <text x={labelWidth + w + 4} y={y + ROW / 2} dominantBaseline="central" className="chart-value">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
