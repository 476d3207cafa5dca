import { useTranslation } from 'react-i18next';
import type { NetworkKind, NetworkRole } from '../app/api.ts';

export function RoleBadges({ roles }: { roles: readonly NetworkRole[] }) {
  const { t } = useTranslation();
  return (
    <ul className="badges">
      {roles.map((role) => (
        <li key={role} className={`badge badge-role badge-${role}`}>
          {t(`role.${role}`)}
        </li>
      ))}
    </ul>
  );
}

export function KindBadge({ kind }: { kind: NetworkKind }) {
  const { t } = useTranslation();
  return <span className={`badge badge-kind badge-kind-${kind}`}>{t(`kind.${kind}`)}</span>;
}
