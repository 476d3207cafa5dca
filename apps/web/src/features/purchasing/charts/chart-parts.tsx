import { type CSSProperties, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatMoney, useFormatNumber } from '../../../components/format.ts';
import { chartLocale, monthLabel } from './chart-data.ts';

/** Formatting shared by the charts, in the reader's language. */
export function useChartFormat() {
  const { i18n } = useTranslation();
  const locale = chartLocale(i18n.language);
  const money = useFormatMoney();
  const number = useFormatNumber();
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const signedPercent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const smallPrice = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
  return {
    /** Cents, possibly fractional, as « 4,20 € ». */
    money: (cents: number) => money(Math.round(cents)),
    /** A unit price: like money, with up to four decimals under one euro (« 0,0785 € » per kWh). */
    unitPrice: (cents: number) =>
      cents !== 0 && Math.abs(cents) < 100 ? smallPrice.format(cents / 100) : money(Math.round(cents)),
    /** Cents as « 1,2 k€ » for axis ticks. */
    compactMoney: (cents: number) => compact.format(cents / 100),
    number,
    percent: (ratio: number) => percent.format(ratio),
    /** A price change: « −18 % » for a ratio of 0.18 saved. */
    priceChange: (savingRatio: number) => signedPercent.format(-savingRatio),
    month: (month: string) => monthLabel(month, i18n.language),
  };
}

/** Recharts writes the tooltip's box style inline: ours, from the stylesheet's variables. */
export const TOOLTIP_STYLE: CSSProperties = {
  border: '1px solid var(--border)',
  borderRadius: 'var(--radius-small)',
  boxShadow: 'var(--shadow)',
};

/** Tooltip lines in the text colour: a light series colour would be too pale to read. */
export const TOOLTIP_ITEM_STYLE: CSSProperties = { color: 'var(--text)' };

export interface LegendItem {
  label: string;
  /** A CSS colour, usually a variable of styles.css. */
  colour: string;
  shape: 'bar' | 'line' | 'dashed';
}

/**
 * A chart with its accessible name (the caption), a one-sentence summary everyone reads, the
 * picture (hidden from screen readers) and the data as a visually hidden table.
 */
export function ChartFigure({
  title,
  summary,
  legend,
  table,
  children,
}: {
  title: string;
  summary: ReactNode;
  legend: readonly LegendItem[];
  table: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <p className="chart-summary">{summary}</p>
      <div className="chart-frame" aria-hidden="true">
        {children}
      </div>
      <ul className="chart-legend" aria-hidden="true">
        {legend.map((item) => (
          <li key={item.label}>
            <span
              className={`chart-swatch chart-swatch-${item.shape}`}
              style={{ '--chart-colour': item.colour } as CSSProperties}
            />
            {item.label}
          </li>
        ))}
      </ul>
      <div className="visually-hidden">{table}</div>
    </figure>
  );
}

/** Shortens a long name for an axis tick; the full name is in the data table. */
export function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
