import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../app/api.ts';
import { LOCALES } from '../app/i18n/index.ts';
import { useSession } from '../app/session.tsx';

const NATIVE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** FR | EN, on every screen. Each button also names its language in that language (« FR — Français »). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useSession();
  const [isSaving, setIsSaving] = useState(false);
  return (
    <fieldset className="language-switch" aria-busy={isSaving}>
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-label={`${locale.toUpperCase()} — ${NATIVE_NAMES[locale]}`}
          aria-pressed={i18n.language === locale}
          onClick={() => {
            setIsSaving(true);
            changeLocale(locale)
              .catch(() => undefined)
              .finally(() => setIsSaving(false));
          }}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
