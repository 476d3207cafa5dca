import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The sections of "Needs & projects", each its own page: a link bar, not in-page tabs. */
const SECTIONS = ['needs', 'projects', 'relocation', 'aid-schemes', 'funder-reports'] as const;
export type NeedsSection = (typeof SECTIONS)[number];

export function NeedsNav({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs sub-nav" aria-label={t('needsNav.label')}>
      {SECTIONS.map((section) => (
        <NavLink key={section} to={`/n/${slug}/${section}`} end className="tab">
          {t(`needsNav.${section}`)}
        </NavLink>
      ))}
    </nav>
  );
}
