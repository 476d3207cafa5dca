import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Footer } from './footer.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { Logo } from './logo.tsx';

/** Screens before sign-in: the brand, the language switch and one focused card. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="public">
      <header className="public-header">
        <Link to="/" className="logo-link" aria-label={t('nav.homeLink')}>
          <Logo />
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" className={wide ? 'public-main public-main-wide' : 'public-main'}>
        {children}
      </main>
      <Footer />
    </div>
  );
}
