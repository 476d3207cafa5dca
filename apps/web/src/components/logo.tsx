import { useTranslation } from 'react-i18next';

/** The Meute mark: a geometric wolf's head, and the wordmark. Pure SVG, no external asset. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className="logo-mark"
    >
      <rect width="32" height="32" rx="8" fill="var(--brand)" />
      <path d="M6 6.5 L12.5 11.5 H19.5 L26 6.5 V17.5 L16 27 L6 17.5 Z" fill="var(--brand-contrast)" />
      <path d="M10.5 15.5 L14 17 L10.5 17.8 Z M21.5 15.5 L18 17 L21.5 17.8 Z" fill="var(--brand)" />
      <path d="M14 22 H18 L16 24.2 Z" fill="var(--brand)" />
    </svg>
  );
}

export function Logo() {
  const { t } = useTranslation();
  return (
    <span className="logo">
      <LogoMark />
      <span className="logo-word">Meute</span>
      <span className="visually-hidden">{t('app.tagline')}</span>
    </span>
  );
}
