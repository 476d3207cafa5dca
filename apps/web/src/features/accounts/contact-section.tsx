import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Contact, type Visibility } from '../../app/api.ts';
import { useApi } from '../../app/use-api.ts';
import { ErrorBanner, fieldError, Loading, SuccessBanner } from '../../components/feedback.tsx';
import { TextField } from '../../components/field.tsx';

const VISIBILITIES: Visibility[] = ['members', 'staff', 'nobody'];

/** My phone and job title, and who sees my e-mail and phone on my company's page (GDPR). */
export function ContactSection() {
  const { t } = useTranslation();
  const contact = useApi(() => api.contact(), 'contact');
  return (
    <section className="card" aria-labelledby="account-contact">
      <h2 id="account-contact" className="card-title">
        {t('contact.title')}
      </h2>
      <p className="muted">{t('contact.intro')}</p>
      {contact.state === 'loading' ? <Loading /> : null}
      {contact.state === 'failed' ? <ErrorBanner error={contact.error} onRetry={contact.reload} /> : null}
      {contact.state === 'ready' ? <ContactForm contact={contact.data} /> : null}
    </section>
  );
}

function ContactForm({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Contact>(contact);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaved, setIsSaved] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => setValues(contact), [contact]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setIsSaved(false);
    try {
      setValues(
        await api.updateContact({
          phone: values.phone.trim(),
          jobTitle: values.jobTitle.trim(),
          emailVisibility: values.emailVisibility,
          phoneVisibility: values.phoneVisibility,
        }),
      );
      setIsSaved(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'UNKNOWN', ''));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="form-narrow">
      {isSaved ? <SuccessBanner>{t('contact.saved')}</SuccessBanner> : null}
      {error && !error.field ? <ErrorBanner error={error} /> : null}
      <TextField
        label={t('contact.jobTitle')}
        autoComplete="organization-title"
        maxLength={120}
        value={values.jobTitle}
        error={fieldError(error, 'jobTitle')}
        onChange={(event) => setValues({ ...values, jobTitle: event.target.value })}
      />
      <TextField
        label={t('contact.phone')}
        type="tel"
        autoComplete="tel"
        maxLength={40}
        value={values.phone}
        error={fieldError(error, 'phone')}
        onChange={(event) => setValues({ ...values, phone: event.target.value })}
      />
      {(['emailVisibility', 'phoneVisibility'] as const).map((field) => (
        <div key={field} className="field">
          <label htmlFor={`contact-${field}`}>{t(`contact.${field}`)}</label>
          <select
            id={`contact-${field}`}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value as Visibility })}
          >
            {VISIBILITIES.map((visibility) => (
              <option key={visibility} value={visibility}>
                {t(`contact.visibility.${visibility}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="button button-primary" disabled={isBusy}>
        {t('contact.save')}
      </button>
    </form>
  );
}
