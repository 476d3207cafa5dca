import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/field.tsx';
import { MIN_PASSWORD_LENGTH, type PasswordProblem, usePasswordProblemMessage } from './password.ts';

interface Props {
  password: string;
  confirmation: string;
  problem: PasswordProblem | undefined;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
}

/** A new password typed twice, with what is wrong with it under the field at fault. */
export function NewPasswordFields({
  password,
  confirmation,
  problem,
  onPasswordChange,
  onConfirmationChange,
}: Props) {
  const { t } = useTranslation();
  const problemMessage = usePasswordProblemMessage();
  return (
    <>
      <TextField
        label={t('field.newPassword')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        error={problemMessage(problem, 'password')}
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
      />
      <TextField
        label={t('field.confirmPassword')}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        error={problemMessage(problem, 'confirmation')}
        value={confirmation}
        onChange={(event) => onConfirmationChange(event.target.value)}
      />
    </>
  );
}
