import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD_LENGTH = 10;

export interface PasswordProblem {
  field: 'password' | 'confirmation';
  reason: 'tooShort' | 'mismatch';
}

/** What is wrong with a new password, checked before asking the server; undefined when nothing. */
export function findPasswordProblem(password: string, confirmation: string): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return { field: 'password', reason: 'tooShort' };
  if (password !== confirmation) return { field: 'confirmation', reason: 'mismatch' };
  return undefined;
}

/** The sentence for a password problem, in the current language. */
export function usePasswordProblemMessage() {
  const { t } = useTranslation();
  return (problem: PasswordProblem | undefined, field: PasswordProblem['field']) =>
    problem?.field !== field
      ? undefined
      : problem.reason === 'tooShort'
        ? t('password.tooShort', { min: MIN_PASSWORD_LENGTH })
        : t('password.mismatch');
}
