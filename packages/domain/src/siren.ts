/**
 * SIREN (9 digits, a legal unit) and SIRET (14 digits: SIREN + 5-digit NIC, an establishment),
 * the identifiers of the INSEE SIRENE register.
 */

/** SIREN of La Poste, whose establishments' SIRETs follow their own check rule. */
export const LA_POSTE_SIREN = '356000000';

export type SiretError = 'FORMAT' | 'CHECKSUM';

/**
 * The Luhn sum of a string of decimal digits: from the right, every second digit is doubled
 * (minus 9 when it exceeds 9) and everything is added up. A number is Luhn-valid when the sum
 * is a multiple of 10.
 */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += digit;
    }
  }
  return sum;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/**
 * The digit that makes `digitsWithoutCheck + digit` Luhn-valid.
 * @param digitsWithoutCheck decimal digits only (8 for a SIREN, 13 for a SIRET)
 */
export function luhnCheckDigit(digitsWithoutCheck: string): string {
  const sum = luhnSum(`${digitsWithoutCheck}0`);
  return String((10 - (sum % 10)) % 10);
}

/** True when `value` is exactly 9 decimal digits and passes the Luhn check. No normalisation. */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnSum(value) % 10 === 0;
}

/**
 * The reason a SIRET is invalid, or null when it is valid. `FORMAT`: not exactly 14 decimal digits;
 * `CHECKSUM`: 14 digits that fail the check. The input is normalised first (spaces, dots) so that
 * a user typing « 732 829 320 00074 » gets a checksum verdict, not a format error.
 *
 * The check is Luhn over all 14 digits, except for La Poste (SIREN 356000000): its many
 * establishments outgrew the NIC's check digit, so INSEE accepts their SIRETs when the sum of the
 * digits is a multiple of 5. Its head office (35600000000048) keeps a Luhn-valid SIRET, hence
 * La Poste SIRETs are accepted by either rule.
 */
export function siretError(input: string): SiretError | null {
  const siret = normaliseSiretInput(input);
  if (!/^\d{14}$/.test(siret)) return 'FORMAT';
  if (luhnSum(siret) % 10 === 0) return null;
  if (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0) return null;
  return 'CHECKSUM';
}

/**
 * True when `value` is exactly 14 decimal digits and passes the SIRET check (Luhn, or the
 * La Poste rule, see {@link siretError}). No normalisation: call {@link normaliseSiretInput} first
 * on user input.
 */
export function isValidSiret(value: string): boolean {
  return /^\d{14}$/.test(value) && siretError(value) === null;
}

/**
 * User input as a bare string of characters to check: trims and removes the separators people
 * type or paste (spaces including non-breaking ones, dots, hyphens). Letters and other
 * characters are kept so that the format check reports them.
 */
export function normaliseSiretInput(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/** The SIREN (first 9 digits) of a SIRET, or null when `siret` is not 14 digits. */
export function sirenOfSiret(siret: string): string | null {
  return /^\d{14}$/.test(siret) ? siret.slice(0, 9) : null;
}
