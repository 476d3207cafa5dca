import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CommuneSuggestion, type NafSuggestion, type Territories } from '../app/api.ts';
import { Combobox } from './combobox.tsx';

let territories: Promise<Territories> | undefined;

/** Régions, départements and headcount bands: asked once per page load, then shared. */
export function useTerritories(): Territories | undefined {
  const [value, setValue] = useState<Territories | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    territories ??= api.territories();
    territories.then(
      (loaded) => isCurrent && setValue(loaded),
      () => {
        territories = undefined;
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return value;
}

/** The label of an INSEE headcount band in the interface language (the code when unknown). */
export function useBandLabel() {
  const { i18n } = useTranslation();
  const loaded = useTerritories();
  return (code: string | null | undefined): string => {
    if (!code) return '';
    const band = loaded?.headcountBands.find((b) => b.code === code);
    if (!band) return code;
    return i18n.language === 'en' ? band.en : band.fr;
  };
}

export function HeadcountSelect({
  value,
  onChange,
  error,
  id = 'headcount-band',
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const loaded = useTerritories();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t('organisation.headcount')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('organisation.headcountUnknown')}</option>
        {(loaded?.headcountBands ?? []).map((band) => (
          <option key={band.code} value={band.code}>
            {i18n.language === 'en' ? band.en : band.fr}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface NafValue {
  code: string;
  label: string;
}

/**
 * The activity (NAF sub-class) picker, searched in French by words or code. Picking a section,
 * division, group or class lists what it contains, down to the sub-classes one can choose.
 */
export function NafPicker({
  value,
  onChange,
  error,
  label,
}: {
  value: NafValue | null;
  onChange: (value: NafValue | null) => void;
  error?: string | undefined;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <Combobox<NafSuggestion>
      label={label ?? t('organisation.naf')}
      hint={t('picker.nafHint')}
      error={error}
      placeholder={t('picker.nafPlaceholder')}
      selectedText={value ? `${value.code} — ${value.label}` : ''}
      search={async (q) => (await api.nafSuggestions(q)).items}
      itemKey={(item) => item.code}
      renderItem={(item) => (
        <span className="combobox-naf">
          <span className="combobox-code">{item.code}</span>
          <span>{item.label}</span>
          {item.level === 'subclass' ? null : (
            <span className="combobox-more">{t(`picker.nafLevel.${levelKey(item.level)}`)}</span>
          )}
        </span>
      )}
      onChoose={(item) => {
        if (item.level === 'subclass') {
          onChange({ code: item.code, label: item.label });
          return { text: `${item.code} — ${item.label}` };
        }
        return { text: item.code, searchAgain: true };
      }}
      onClear={() => onChange(null)}
      minChars={2}
    />
  );
}

function levelKey(level: string): 'section' | 'division' | 'group' | 'class' {
  return level === 'section' || level === 'division' || level === 'group' ? level : 'class';
}

export interface CommuneValue {
  code: string;
  name: string;
}

/** A French commune, found by name, postal code or INSEE code. */
export function CommunePicker({
  value,
  onChange,
  error,
  label,
  hint,
}: {
  value: CommuneValue | null;
  onChange: (value: CommuneValue | null) => void;
  error?: string | undefined;
  label?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Combobox<CommuneSuggestion>
      label={label ?? t('organisation.commune')}
      hint={hint}
      error={error}
      placeholder={t('picker.communePlaceholder')}
      selectedText={value ? value.name : ''}
      search={async (q) => (await api.communeSuggestions(q)).items}
      itemKey={(item) => item.code}
      renderItem={(item) => (
        <span className="combobox-commune">
          <span>{item.name}</span>
          <span className="muted small">
            {item.departement} · {item.postalCodes.slice(0, 3).join(', ')}
          </span>
        </span>
      )}
      onChoose={(item) => {
        const name = `${item.name} (${item.departement})`;
        onChange({ code: item.code, name });
        return { text: name };
      }}
      onClear={() => onChange(null)}
      minChars={2}
    />
  );
}
