import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <span>{t('footer.motto')}</span>
      <a href="/api/docs">{t('footer.apiDocs')}</a>
    </footer>
  );
}
