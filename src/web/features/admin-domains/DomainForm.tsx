import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DomainCreateBody, DomainUpdateBody } from '../../../shared/api.ts';
import { api } from '../../api/client.ts';
import type { Domain } from '../../api/types.ts';
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

/** Creates a domain, or (with `domain`) changes its name and kind; the slug never changes. */
export function DomainForm({
  form,
  domain,
  submitLabel,
  onDone,
  onCancel,
}: {
  form: string;
  domain?: Domain;
  submitLabel: string;
  onDone: (domain: Domain) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const labels = { slug: t('ui.domains.slug'), name: t('ui.domains.name'), kind: t('ui.domains.kind') };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const values = readForm(formElement);
    const parsed = domain ? DomainUpdateBody.safeParse(values) : DomainCreateBody.safeParse(values);
    if (!parsed.success) {
      const next = zodFieldErrors(parsed.error, values, t);
      if (next.slug && values.slug) next.slug = t('ui.validation.slug');
      setMessage(undefined);
      setErrors(next);
      return;
    }
    setPending(true);
    try {
      const saved = domain
        ? await api.patch<Domain>(`/api/domains/${domain.id}`, parsed.data)
        : await api.post<Domain>('/api/domains', parsed.data);
      setErrors({});
      setMessage(undefined);
      if (!domain) formElement.reset();
      await onDone(saved);
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form noValidate onSubmit={submit}>
        <div className="fr-grid-row fr-grid-row--gutters">
          {domain ? null : (
            <div className="fr-col-12 fr-col-md-4">
              <Input
                label={labels.slug}
                hintText={t('ui.domains.slugHint')}
                {...fieldState(errors, 'slug')}
                nativeInputProps={{
                  id: fieldId(form, 'slug'),
                  ...invalidProps(errors, 'slug'),
                  name: 'slug',
                  required: true,
                  spellCheck: false,
                }}
              />
            </div>
          )}
          <div className="fr-col-12 fr-col-md-5">
            <Input
              label={labels.name}
              hintText={t('ui.domains.nameHint')}
              {...fieldState(errors, 'name')}
              nativeInputProps={{
                id: fieldId(form, 'name'),
                ...invalidProps(errors, 'name'),
                name: 'name',
                required: true,
                defaultValue: domain?.name,
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select
              label={labels.kind}
              {...fieldState(errors, 'kind')}
              nativeSelectProps={{
                id: fieldId(form, 'kind'),
                ...invalidProps(errors, 'kind'),
                name: 'kind',
                defaultValue: domain?.kind ?? 'academie',
              }}
            >
              <option value="academie">{t('ui.domainKinds.academie')}</option>
              <option value="national">{t('ui.domainKinds.national')}</option>
            </Select>
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
