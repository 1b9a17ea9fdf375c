/** The form of a user account, to create one or to edit one. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { User } from '../../api/accounts.ts';
import type { Domain } from '../../api/domains.ts';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorSummary, readForm } from '../../components/forms.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const OPTIONAL = ['academie', 'departement', 'discipline', 'bodyGrade'] as const;
const FIELDS = ['email', 'firstName', 'lastName', 'homeDomainId', ...OPTIONAL] as const;

export function UserForm<S extends z.ZodType>({
  form,
  user,
  domains,
  defaultDomainId,
  submitLabel,
  schema,
  onSubmit,
  headingLevel = 'h2',
}: {
  form: string;
  /** The account edited; without, one is created (and a password may be given). */
  user?: User;
  domains: Domain[];
  defaultDomainId?: string;
  submitLabel: string;
  /** `UserCreateBody` or `UserUpdateBody`, which the values are parsed with. */
  schema: S;
  /** Sends the parsed values; throws an ApiError on failure. */
  onSubmit: (values: z.output<S>) => Promise<void>;
  headingLevel?: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const { errors, message, pending, submit } = useFormSubmission(schema, onSubmit);
  const creating = !user;
  const labels: Record<string, string> = {
    ...Object.fromEntries(FIELDS.map((f) => [f, t(`ui.users.fields.${f}`)])),
    password: t('ui.users.fields.password'),
  };
  const label = (name: string) =>
    (OPTIONAL as readonly string[]).includes(name) || name === 'password'
      ? `${labels[name]} ${t('ui.common.optional')}`
      : labels[name];

  const text = (name: (typeof FIELDS)[number], extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField
      form={form}
      name={name}
      errors={errors}
      label={label(name)}
      hint={
        name === 'email'
          ? t('ui.users.fields.emailHint')
          : name === 'academie'
            ? t('ui.users.fields.academieHint')
            : undefined
      }
      defaultValue={(user?.[name as keyof User] as string | null | undefined) ?? ''}
      required={!(OPTIONAL as readonly string[]).includes(name)}
      {...extra}
    />
  );

  return (
    <>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as={headingLevel} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const values: Record<string, unknown> = readForm(event.currentTarget, [...OPTIONAL]);
          if (!values.password) delete values.password;
          void submit(values);
        }}
      >
        <p className="fr-hint-text">{t('ui.common.requiredHint')}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12">
            {text('email', { type: 'email', autoComplete: 'off', spellCheck: false })}
          </div>
          <div className="fr-col-12 fr-col-md-6">{text('firstName', { autoComplete: 'off' })}</div>
          <div className="fr-col-12 fr-col-md-6">{text('lastName', { autoComplete: 'off' })}</div>
          <div className="fr-col-12 fr-col-md-6">
            <SelectField
              form={form}
              name="homeDomainId"
              errors={errors}
              label={labels.homeDomainId}
              required
              defaultValue={user?.homeDomainId ?? defaultDomainId ?? ''}
            >
              <option value="" disabled>
                {t('ui.users.fields.chooseDomain')}
              </option>
              <DomainOptions domains={domains} />
            </SelectField>
          </div>
          <div className="fr-col-12 fr-col-md-6">{text('academie')}</div>
          <div className="fr-col-12 fr-col-md-6">{text('departement')}</div>
          <div className="fr-col-12 fr-col-md-6">{text('discipline')}</div>
          <div className="fr-col-12 fr-col-md-6">{text('bodyGrade')}</div>
          {creating ? (
            <div className="fr-col-12 fr-col-md-6">
              <TextField
                form={form}
                name="password"
                errors={errors}
                label={label('password')}
                hint={t('ui.users.fields.passwordHint')}
                type="password"
                autoComplete="new-password"
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
