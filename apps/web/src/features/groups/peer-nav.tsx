import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The sections of peer exchange, each its own page: working groups, questions to peers, alerts. */
const SECTIONS = ['groups', 'questions', 'alerts'] as const;
export type PeerSection = (typeof SECTIONS)[number];

export function PeerNav({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs sub-nav" aria-label={t('groups.nav.label')}>
      {SECTIONS.map((section) => (
        <NavLink key={section} to={`/n/${slug}/${section}`} end={section !== 'groups'} className="tab">
          {t(`groups.nav.${section}`)}
        </NavLink>
      ))}
    </nav>
  );
}
