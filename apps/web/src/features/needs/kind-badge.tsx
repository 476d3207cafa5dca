import { useTranslation } from 'react-i18next';
import type { Need } from '../../app/api.ts';

export function KindBadge({ kind }: { kind: Need['kind'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-need-${kind}`}>{t(`needs.kind.${kind}`)}</span>;
}
