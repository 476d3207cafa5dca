import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../app/api.ts';
import { useFormatNumber } from '../../components/format.ts';

export type Category = 'TPE' | 'PME' | 'ETI' | 'GE';

export function CategoryBadge({ category }: { category: Category }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge badge-category badge-category-${category}`}
      title={t(`category.${category}.long`)}
    >
      {t(`category.${category}.short`)}
    </span>
  );
}

/** Why a result came up: « compétence : Usinage de précision · à 23 km de Flers ». */
export function MatchReasons({
  reasons,
  nearName,
}: {
  reasons: MatchReason[];
  nearName: string | undefined;
}) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  if (reasons.length === 0) return null;
  const text = (reason: MatchReason) => {
    switch (reason.kind) {
      case 'distance':
        return t('why.distance', { km: formatNumber(Number(reason.detail)), commune: nearName ?? '' });
      case 'description':
        return t('why.description');
      case 'name':
        return t('why.name');
      default:
        return t(`why.${reason.kind}`, { detail: reason.detail });
    }
  };
  return (
    <p className="why">
      <span className="why-label">{t('why.label')}</span>{' '}
      {reasons.map((reason, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no identity of their own and never move.
        <span key={index} className={`why-item why-${reason.kind}`}>
          {text(reason)}
        </span>
      ))}
    </p>
  );
}
