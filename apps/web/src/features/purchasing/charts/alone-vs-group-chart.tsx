import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { aloneVsGroupRows, type ShareLike } from './chart-data.ts';
import { ChartFigure, ellipsis, TOOLTIP_ITEM_STYLE, TOOLTIP_STYLE, useChartFormat } from './chart-parts.tsx';

const ALONE = 'var(--border-strong)';
const GROUP = 'var(--brand)';

/**
 * For each organisation given (every share for the staff, only mine for a member), the unit price
 * it would pay buying alone from the same offer against its price in the group, with the saving.
 */
export function AloneVsGroupChart({
  shares,
  unit,
  title,
}: {
  shares: readonly ShareLike[];
  unit: string;
  /** Replaces the default caption. */
  title?: string;
}) {
  const { t } = useTranslation();
  const format = useChartFormat();
  const rows = aloneVsGroupRows(shares);
  if (rows.length === 0) return <p className="muted">{t('purchasingCharts.aloneVsGroup.empty')}</p>;

  const data = rows.map((row) => ({
    ...row,
    label: ellipsis(row.name, 24),
    change: format.priceChange(row.savingRatio),
  }));
  const ratios = rows.map((row) => row.savingRatio);
  const only = rows.length === 1 ? rows[0]! : null;
  const summary = only
    ? t('purchasingCharts.aloneVsGroup.summaryOne', {
        organisation: only.name,
        alone: format.unitPrice(only.aloneUnitCents),
        group: format.unitPrice(only.groupUnitCents),
        unit,
        percent: format.percent(only.savingRatio),
      })
    : t('purchasingCharts.aloneVsGroup.summary', {
        count: rows.length,
        // As price changes, the largest saving first: « de −25 % à −12 % ».
        min: format.priceChange(Math.max(...ratios)),
        max: format.priceChange(Math.min(...ratios)),
      });
  const perUnit = (cents: number) => t('purchasingCharts.perUnit', { price: format.unitPrice(cents), unit });

  return (
    <ChartFigure
      title={title ?? t('purchasingCharts.aloneVsGroup.title', { unit })}
      summary={summary}
      legend={[
        { label: t('purchasingCharts.aloneVsGroup.alone'), colour: ALONE, shape: 'bar' },
        { label: t('purchasingCharts.aloneVsGroup.group'), colour: GROUP, shape: 'bar' },
      ]}
      table={
        <table>
          <caption>{t('purchasingCharts.aloneVsGroup.title', { unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('purchasingCharts.aloneVsGroup.organisation')}</th>
              <th scope="col">{t('purchasingCharts.aloneVsGroup.alone')}</th>
              <th scope="col">{t('purchasingCharts.aloneVsGroup.group')}</th>
              <th scope="col">{t('purchasingCharts.aloneVsGroup.saving')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.organisationId}>
                <th scope="row">{row.name}</th>
                <td>{perUnit(row.aloneUnitCents)}</td>
                <td>{perUnit(row.groupUnitCents)}</td>
                <td>{format.percent(row.savingRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={40 + rows.length * (rows.length > 8 ? 48 : 72)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 56, bottom: 4, left: 4 }}
          barGap={2}
          barCategoryGap="22%"
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 'auto']}
            tickFormatter={(value: number) => format.unitPrice(value)}
            tickCount={4}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={120}
            stroke="var(--muted)"
            tick={{ fill: 'var(--text)', fontSize: 12 }}
          />
          <Bar dataKey="aloneUnitCents" fill={ALONE} isAnimationActive={false} radius={[0, 3, 3, 0]} />
          <Bar dataKey="groupUnitCents" fill={GROUP} isAnimationActive={false} radius={[0, 3, 3, 0]}>
            <LabelList dataKey="change" content={ChangeLabel} />
          </Bar>
          <Tooltip
            isAnimationActive={false}
            contentStyle={TOOLTIP_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            separator={t('purchasingCharts.separator')}
            cursor={{ fill: 'var(--brand-soft)' }}
            formatter={(value, name) => [
              perUnit(Number(value)),
              name === 'aloneUnitCents'
                ? t('purchasingCharts.aloneVsGroup.alone')
                : t('purchasingCharts.aloneVsGroup.group'),
            ]}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** The price change after the group bar: green when the group is cheaper, red when dearer. */
function ChangeLabel(props: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
}) {
  const text = String(props.value ?? '');
  const x = Number(props.x ?? 0) + Number(props.width ?? 0) + 6;
  const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2;
  const colour = text.startsWith('+')
    ? 'var(--danger)'
    : /[1-9]/.test(text)
      ? 'var(--success)'
      : 'var(--muted)';
  return (
    <text x={x} y={y} dominantBaseline="central" fill={colour} fontSize={12} fontWeight={600}>
      {text}
    </text>
  );
}
