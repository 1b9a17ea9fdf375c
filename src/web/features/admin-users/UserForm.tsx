/** The form of a user account, to create one or to edit one. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserCreateBody, UserUpdateBody } from '../../../shared/api.ts';
import type { Domain, User } from '../../api/types.ts';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  fieldState,
  invalidProps,
  problemFieldErrors,
  readForm,
  zodFieldErrors,
} from '../../components/forms.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const OPTIONAL = ['academie', 'departement', 'discipline', 'bodyGrade'] as const;
const FIELDS = ['email', 'firstName', 'lastName', 'homeDomainId', ...OPTIONAL] as const;

export type UserFormValues = Record<string, unknown>;

export function UserForm({
  form,
  user,
  domains,
  defaultDomainId,
  submitLabel,
  onSubmit,
  headingLevel = 'h2',
}: {
  form: string;
  user?: User;
  domains: Domain[];
  defaultDomainId?: string;
  submitLabel: string;
  /** Sends the parsed values; throws an ApiError on failure. */
  onSubmit: (values: UserFormValues) => Promise<void>;
  headingLevel?: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const creating = !user;
  const labels: Record<string, string> = {
    ...Object.fromEntries(FIELDS.map((f) => [f, t(`ui.users.fields.${f}`)])),
    password: t('ui.users.fields.password'),
  };
  const label = (name: string) =>
    (OPTIONAL as readonly string[]).includes(name) || name === 'password'
      ? `${labels[name]} ${t('ui.common.optional')}`
      : labels[name];

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values: Record<string, unknown> = readForm(event.currentTarget, [...OPTIONAL]);
    if (!values.password) delete values.password;
    const parsed = creating ? UserCreateBody.safeParse(values) : UserUpdateBody.safeParse(values);
    if (!parsed.success) {
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setPending(true);
    try {
      await onSubmit(parsed.data);
      setErrors({});
      setMessage(undefined);
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  const text = (name: (typeof FIELDS)[number], extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Input
      label={label(name)}
      hintText={
        name === 'email'
          ? t('ui.users.fields.emailHint')
          : name === 'academie'
            ? t('ui.users.fields.academieHint')
            : undefined
      }
      {...fieldState(errors, name)}
      nativeInputProps={{
        id: fieldId(form, name),
        ...invalidProps(errors, name),
        name,
        defaultValue: (user?.[name as keyof User] as string | null | undefined) ?? '',
        required: !(OPTIONAL as readonly string[]).includes(name),
        ...extra,
      }}
    />
  );

  return (
    <>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as={headingLevel} />
      <form noValidate onSubmit={submit}>
        <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12">
            {text('email', { type: 'email', autoComplete: 'off', spellCheck: false })}
          </div>
          <div className="fr-col-12 fr-col-md-6">{text('firstName', { autoComplete: 'off' })}</div>
          <div className="fr-col-12 fr-col-md-6">{text('lastName', { autoComplete: 'off' })}</div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={labels.homeDomainId}
              {...fieldState(errors, 'homeDomainId')}
              nativeSelectProps={{
                id: fieldId(form, 'homeDomainId'),
                ...invalidProps(errors, 'homeDomainId'),
                name: 'homeDomainId',
                required: true,
                defaultValue: user?.homeDomainId ?? defaultDomainId ?? '',
              }}
            >
              <option value="" disabled>
                {t('ui.users.fields.chooseDomain')}
              </option>
              {domains.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">{text('academie')}</div>
          <div className="fr-col-12 fr-col-md-6">{text('departement')}</div>
          <div className="fr-col-12 fr-col-md-6">{text('discipline')}</div>
          <div className="fr-col-12 fr-col-md-6">{text('bodyGrade')}</div>
          {creating ? (
            <div className="fr-col-12 fr-col-md-6">
              <Input
                label={label('password')}
                hintText={t('ui.users.fields.passwordHint')}
                {...fieldState(errors, 'password')}
                nativeInputProps={{
                  id: fieldId(form, 'password'),
                  ...invalidProps(errors, 'password'),
                  name: 'password',
                  type: 'password',
                  autoComplete: 'new-password',
                }}
              />
            </div>
          ) : null}
        </div>
        <Button className="fr-mt-2w" type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
