import type { Eligibility } from '@meute/contracts';
import { useTranslation } from 'react-i18next';
import { useTerritories } from '../../components/reference.tsx';

const CATEGORIES = ['TPE', 'PME', 'ETI', 'GE'] as const;

export type EligibilityDraft = Required<Eligibility>;
export const OPEN_TO_ALL: EligibilityDraft = { categories: [], nafSections: [], departements: [] };

function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** The campaign's eligibility rule in one sentence per criterion, or "open to every member". */
export function EligibilitySummary({
  eligibility,
}: {
  eligibility: { categories: string[]; nafSections: string[]; departements: string[] };
}) {
  const { t } = useTranslation();
  const territories = useTerritories();
  const departementName = (code: string) => territories?.departements.find((d) => d.code === code)?.name;
  const sectionLabel = (code: string) => territories?.nafSections.find((s) => s.code === code)?.label;
  const lines = [
    eligibility.categories.length > 0
      ? t('purchasing.eligibility.categoriesAre', { list: eligibility.categories.join(', ') })
      : null,
    eligibility.nafSections.length > 0
      ? t('purchasing.eligibility.sectionsAre', {
          list: eligibility.nafSections
            .map((code) => (sectionLabel(code) ? `${code} — ${sectionLabel(code)}` : code))
            .join(' ; '),
        })
      : null,
    eligibility.departements.length > 0
      ? t('purchasing.eligibility.departementsAre', {
          list: eligibility.departements
            .map((code) => (departementName(code) ? `${departementName(code)} (${code})` : code))
            .join(', '),
        })
      : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return <>{t('purchasing.eligibility.openToAll')}</>;
  return (
    <ul className="plain-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** Staff reserve a campaign to some categories, NAF sections and départements (none ticked: all). */
export function EligibilityFields({
  value,
  onChange,
  error,
}: {
  value: EligibilityDraft;
  onChange: (next: EligibilityDraft) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const territories = useTerritories();
  return (
    <fieldset className="form-group eligibility-fields">
      <legend>{t('purchasing.eligibility.title')}</legend>
      <p className="field-hint">{t('purchasing.eligibility.hint')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="eligibility-criterion">
        <span className="eligibility-label">{t('purchasing.eligibility.categories')}</span>
        <div className="check-row">
          {CATEGORIES.map((category) => (
            <div className="check" key={category}>
              <input
                id={`eligible-${category}`}
                type="checkbox"
                checked={value.categories.includes(category)}
                onChange={() => onChange({ ...value, categories: toggle(value.categories, category) })}
              />
              <label htmlFor={`eligible-${category}`}>{category}</label>
            </div>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor="eligible-sections">{t('purchasing.eligibility.sections')}</label>
        <select
          id="eligible-sections"
          multiple
          size={6}
          value={value.nafSections}
          onChange={(event) =>
            onChange({ ...value, nafSections: [...event.target.selectedOptions].map((o) => o.value) })
          }
        >
          {(territories?.nafSections ?? []).map((section) => (
            <option key={section.code} value={section.code}>
              {section.code} — {section.label}
            </option>
          ))}
        </select>
        <p className="field-hint">{t('purchasing.eligibility.multipleHint')}</p>
      </div>
      <div className="field">
        <label htmlFor="eligible-departements">{t('purchasing.eligibility.departements')}</label>
        <select
          id="eligible-departements"
          multiple
          size={6}
          value={value.departements}
          onChange={(event) =>
            onChange({ ...value, departements: [...event.target.selectedOptions].map((o) => o.value) })
          }
        >
          {(territories?.departements ?? []).map((departement) => (
            <option key={departement.code} value={departement.code}>
              {departement.code} — {departement.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
