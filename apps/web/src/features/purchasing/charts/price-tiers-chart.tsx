import type { PriceSchedule } from '@meute/domain';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  axisTicks,
  priceCurveMaxPrice,
  priceCurveMaxQuantity,
  priceCurvePoints,
  reachedPoint,
  tierRows,
} from './chart-data.ts';
import { ChartFigure, TOOLTIP_ITEM_STYLE, TOOLTIP_STYLE, useChartFormat } from './chart-parts.tsx';

const CURVE = 'var(--brand)';
const TIER = 'var(--border-strong)';
const REACHED = 'var(--accent)';

/**
 * The average unit price (fixed costs spread) against the total volume bought, tier starts as
 * dashed lines, and the volume the members committed marked with its price.
 */
export function PriceTiersChart({
  schedule,
  reachedQuantity,
  unit,
  title,
}: {
  schedule: PriceSchedule;
  /** The total committed volume, or null when it is not known (hidden aggregate). */
  reachedQuantity: number | null;
  unit: string;
  /** Replaces the default caption, e.g. to name the supplier when several offers are charted. */
  title?: string;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const maxQuantity = priceCurveMaxQuantity(schedule, reachedQuantity);
  const points = priceCurvePoints(schedule, maxQuantity);
  const reached = reachedPoint(schedule, reachedQuantity);
  const maxPrice = Math.max(
    priceCurveMaxPrice(points, maxQuantity),
    reached ? Math.ceil(reached.averageUnitPriceCents * 1.1) : 0,
  );
  const starts = schedule.tiers.map((tier) => tier.fromQuantity).filter((q) => q > 0 && q <= maxQuantity);
  const rows = tierRows(schedule);
  const quantity = (value: number) => `${format.number(value)} ${unit}`;

  const summary = reached
    ? t('purchasingCharts.priceTiers.summary', {
        quantity: quantity(reached.quantity),
        price: format.unitPrice(reached.averageUnitPriceCents),
        unit,
        tier: reached.tierIndex + 1,
        tiers: schedule.tiers.length,
      })
    : t('purchasingCharts.priceTiers.summaryNone');
  const curveLabel =
    schedule.fixedCostCents > 0
      ? t('purchasingCharts.priceTiers.curveFixed', { unit, amount: format.money(schedule.fixedCostCents) })
      : t('purchasingCharts.priceTiers.curve', { unit });

  return (
    <ChartFigure
      title={title ?? t('purchasingCharts.priceTiers.title')}
      summary={
        <>
          {summary} <span className="muted">{t(`purchasingCharts.priceTiers.kind.${schedule.kind}`)}</span>
        </>
      }
      legend={[
        { label: curveLabel, colour: CURVE, shape: 'line' },
        { label: t('purchasingCharts.priceTiers.tierStart'), colour: TIER, shape: 'dashed' },
        ...(reached
          ? [{ label: t('purchasingCharts.priceTiers.reached'), colour: REACHED, shape: 'line' as const }]
          : []),
      ]}
      table={
        <table>
          <caption>{t('purchasingCharts.priceTiers.tableCaption', { unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('purchasingCharts.priceTiers.range')}</th>
              <th scope="col">{t('purchasingCharts.priceTiers.tierPrice')}</th>
              <th scope="col">{t('purchasingCharts.priceTiers.averageAtStart')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.fromQuantity}>
                <th scope="row">
                  {row.toQuantity === null
                    ? t('purchasingCharts.priceTiers.from', { quantity: quantity(row.fromQuantity) })
                    : t('purchasingCharts.priceTiers.between', {
                        from: quantity(row.fromQuantity),
                        to: quantity(row.toQuantity),
                      })}
                </th>
                <td>{format.unitPrice(row.unitPriceCents)}</td>
                <td>{row.averageAtStartCents === null ? '—' : format.unitPrice(row.averageAtStartCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart
          data={points}
          margin={{ top: reached ? 44 : 12, right: 20, bottom: 24, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="quantity"
            type="number"
            domain={[0, maxQuantity]}
            ticks={[0, ...starts, maxQuantity]}
            tickFormatter={(value: number) => format.number(value)}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            label={{
              value: t('purchasingCharts.priceTiers.quantityAxis', { unit }),
              position: 'insideBottom',
              offset: -18,
              fill: 'var(--muted)',
              fontSize: 12,
            }}
          />
          <YAxis
            type="number"
            domain={[0, maxPrice]}
            ticks={axisTicks(maxPrice)}
            allowDataOverflow
            tickFormatter={(value: number) => format.unitPrice(value)}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            width={60}
          />
          {starts.map((start) => (
            <ReferenceLine key={start} x={start} stroke={TIER} strokeDasharray="4 4" />
          ))}
          <Line
            type="linear"
            dataKey="averageUnitPriceCents"
            stroke={CURVE}
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
          />
          {reached ? (
            <ReferenceLine
              x={reached.quantity}
              stroke={REACHED}
              strokeWidth={2}
              label={(props: { viewBox?: { x?: number; y?: number } }) => (
                <ReachedLabel
                  x={props.viewBox?.x ?? 0}
                  y={props.viewBox?.y ?? 0}
                  isRightHalf={reached.quantity > maxQuantity / 2}
                  title={t('purchasingCharts.priceTiers.reached')}
                  detail={`${quantity(reached.quantity)} · ${format.unitPrice(reached.averageUnitPriceCents)}`}
                />
              )}
            />
          ) : null}
          {reached ? (
            <ReferenceDot
              x={reached.quantity}
              y={reached.averageUnitPriceCents}
              r={5}
              fill={REACHED}
              stroke="var(--surface)"
              strokeWidth={2}
            />
          ) : null}
          <Tooltip
            isAnimationActive={false}
            contentStyle={TOOLTIP_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            separator={t('purchasingCharts.separator')}
            labelFormatter={(value) => quantity(Number(value))}
            formatter={(value) => [
              format.unitPrice(Number(value)),
              t('purchasingCharts.priceTiers.average', { unit }),
            ]}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Two lines above the marker, on the side where they fit. */
function ReachedLabel({
  x,
  y,
  isRightHalf,
  title,
  detail,
}: {
  x: number;
  y: number;
  isRightHalf: boolean;
  title: string;
  detail: string;
}) {
  const dx = isRightHalf ? -6 : 6;
  return (
    <text
      x={x + dx}
      y={y - 26}
      textAnchor={isRightHalf ? 'end' : 'start'}
      className="chart-reached-label"
      fill="var(--accent-text)"
    >
      <tspan x={x + dx} fontWeight={600}>
        {title}
      </tspan>
      <tspan x={x + dx} dy="1.2em">
        {detail}
      </tspan>
    </text>
  );
}
