import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type MonthSavings, monthlySeries } from './chart-data.ts';
import { ChartFigure, TOOLTIP_ITEM_STYLE, TOOLTIP_STYLE, useChartFormat } from './chart-parts.tsx';

const MONTHLY = 'var(--brand)';
const CUMULATIVE = 'var(--accent)';

/** What a network saved each month through group purchasing, and the running total. */
export function SavingsOverTimeChart({
  months,
  title,
}: {
  months: readonly MonthSavings[];
  /** Replaces the default caption, e.g. to name the network. */
  title?: string;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const series = monthlySeries(months);
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return <p className="muted">{t('purchasingCharts.savings.empty')}</p>;

  const data = series.map((point) => ({ ...point, label: format.month(point.month) }));
  const names = {
    savingsCents: t('purchasingCharts.savings.monthly'),
    cumulativeCents: t('purchasingCharts.savings.cumulative'),
  };

  return (
    <ChartFigure
      title={title ?? t('purchasingCharts.savings.title')}
      summary={t('purchasingCharts.savings.summary', {
        total: format.money(last.cumulativeCents),
        from: format.month(first.month),
        to: format.month(last.month),
      })}
      legend={[
        { label: names.savingsCents, colour: MONTHLY, shape: 'bar' },
        { label: names.cumulativeCents, colour: CUMULATIVE, shape: 'line' },
      ]}
      table={
        <table>
          <caption>{t('purchasingCharts.savings.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('purchasingCharts.savings.month')}</th>
              <th scope="col">{names.savingsCents}</th>
              <th scope="col">{names.cumulativeCents}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.month}>
                <th scope="row">{point.label}</th>
                <td>{format.money(point.savingsCents)}</td>
                <td>{format.money(point.cumulativeCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart
          data={data}
          margin={{ top: 12, right: 12, bottom: 4, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="label"
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            interval="preserveStartEnd"
            minTickGap={8}
          />
          <YAxis
            tickFormatter={(value: number) => format.compactMoney(value)}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            width={64}
          />
          <Bar
            dataKey="savingsCents"
            fill={MONTHLY}
            isAnimationActive={false}
            radius={[3, 3, 0, 0]}
            maxBarSize={40}
          />
          <Line
            type="monotone"
            dataKey="cumulativeCents"
            stroke={CUMULATIVE}
            strokeWidth={2.5}
            dot={{ r: 3, fill: CUMULATIVE }}
            isAnimationActive={false}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={TOOLTIP_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            itemSorter={(item) => (item.dataKey === 'savingsCents' ? 0 : 1)}
            separator={t('purchasingCharts.separator')}
            cursor={{ fill: 'var(--brand-soft)' }}
            formatter={(value, name) => [
              format.money(Number(value)),
              names[name as keyof typeof names] ?? String(name),
            ]}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
