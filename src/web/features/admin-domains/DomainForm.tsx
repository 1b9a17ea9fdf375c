import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Domain } from '../../api/domains.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorSummary } from '../../components/forms.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

/** Creates a domain, or (with `domain`) changes its name and kind; the slug never changes. */
export function DomainForm<S extends z.ZodType>({
  form,
  domain,
  schema,
  save,
  submitLabel,
  onDone,
  onCancel,
}: {
  form: string;
  domain?: Domain;
  /** `DomainCreateBody` or `DomainUpdateBody`, which the values are parsed with. */
  schema: S;
  save: (data: z.output<S>) => Promise<Domain>;
  submitLabel: string;
  onDone: (domain: Domain) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const labels = { slug: t('ui.domains.slug'), name: t('ui.domains.name'), kind: t('ui.domains.kind') };
  const { errors, message, pending, onSubmit } = useFormSubmission(
    schema,
    async (data) => {
      const saved = await save(data);
      if (!domain) formRef.current?.reset();
      await onDone(saved);
    },
    {
      // A slug typed but refused: said with the rule it breaks, not as a bare "invalid".
      check: (values, errors) =>
        errors.slug && values.slug ? { ...errors, slug: t('ui.validation.slug') } : errors,
    },
  );

  return (
    <>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form ref={formRef} noValidate onSubmit={onSubmit}>
        <div className="fr-grid-row fr-grid-row--gutters">
          {domain ? null : (
            <div className="fr-col-12 fr-col-md-4">
              <TextField
                form={form}
                name="slug"
                errors={errors}
                label={labels.slug}
                hint={t('ui.domains.slugHint')}
                required
                spellCheck={false}
              />
            </div>
          )}
          <div className="fr-col-12 fr-col-md-5">
            <TextField
              form={form}
              name="name"
              errors={errors}
              label={labels.name}
              hint={t('ui.domains.nameHint')}
              required
              defaultValue={domain?.name}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <SelectField
              form={form}
              name="kind"
              errors={errors}
              label={labels.kind}
              defaultValue={domain?.kind ?? 'academie'}
            >
              <option value="academie">{t('ui.domainKinds.academie')}</option>
              <option value="national">{t('ui.domainKinds.national')}</option>
            </SelectField>
          </div>
        </div>
        <div className="mg-actions fr-mt-2w">
          <Button type="submit" disabled={pending}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button type="button" priority="secondary" onClick={onCancel}>
              {t('ui.common.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}
