/** `/admin/cohortes`: the cohorts of the domains one manages, and a form to create one. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { CohortCreateBody } from '../../../shared/enrolment.ts';
import { formatDate, formatNumber } from '../../../shared/format.ts';
import { type CohortDetail, cohortKeys, createCohort, useCohorts } from '../../api/cohorts.ts';
import { useDomains } from '../../api/domains.ts';
import { useMe } from '../../app/auth.tsx';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorSummary } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const FORM = 'creer-cohorte';

export function CohortsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const domains = useDomains().data ?? me.domains;
  const query = useCohorts();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const [created, setCreated] = useState<string>();
  const domainName = (id: string) => domains.find((d) => d.id === id)?.name ?? t('ui.common.none');

  return (
    <>
      <PageHeading title={t('ui.cohorts.title')} crumbs={[]}>
        <p>{t('ui.cohorts.intro')}</p>
      </PageHeading>
      {flash ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
      ) : null}
      {created ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={created} />
      ) : null}
      <CreateCohortForm
        domains={domains}
        onCreated={(cohort) => setCreated(t('ui.cohorts.created', { name: cohort.name }))}
      />
      <h2 className="fr-mt-6w">{t('ui.cohorts.caption')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <EmptyState message={t('ui.cohorts.empty')} next={t('ui.cohorts.emptyNext')} />
      ) : (
        <Table
          caption={`${t('ui.cohorts.caption')} (${t('ui.common.resultCount', { count: query.data.length })})`}
          headers={[
            t('ui.cohorts.colName'),
            t('ui.cohorts.colDomain'),
            t('ui.cohorts.colMembers'),
            t('ui.cohorts.colCreated'),
          ]}
          data={query.data.map((cohort) => [
            <Link key="name" to={`/admin/cohortes/${cohort.id}`}>
              {cohort.name}
            </Link>,
            domainName(cohort.domainId),
            formatNumber(cohort.memberCount),
            formatDate(cohort.createdAt),
          ])}
        />
      )}
    </>
  );
}

function CreateCohortForm({
  domains,
  onCreated,
}: {
  domains: { id: string; name: string }[];
  onCreated: (cohort: CohortDetail) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [workingDomain] = useWorkingDomain();
  const [generation, setGeneration] = useState(0);
  const labels = {
    domainId: t('ui.cohorts.domain'),
    name: t('ui.cohorts.name'),
    description: t('ui.cohorts.description'),
  };
  const initialDomain = domains.find((d) => d.id === workingDomain)?.id ?? domains[0]?.id ?? '';
  const { errors, message, pending, onSubmit } = useFormSubmission(CohortCreateBody, async (body) => {
    const cohort = await createCohort(body);
    setGeneration((n) => n + 1);
    await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    onCreated(cohort);
  });

  return (
    <section aria-labelledby="creer-cohorte-titre">
      <h2 id="creer-cohorte-titre">{t('ui.cohorts.createTitle')}</h2>
      <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} as="h3" />
      <form noValidate onSubmit={onSubmit} key={generation}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              form={FORM}
              name="domainId"
              errors={errors}
              label={labels.domainId}
              defaultValue={initialDomain}
            >
              <DomainOptions domains={domains} />
            </SelectField>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <TextField
              form={FORM}
              name="name"
              errors={errors}
              label={labels.name}
              required
              maxLength={200}
              autoComplete="off"
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <TextField
              form={FORM}
              name="description"
              errors={errors}
              label={`${labels.description} ${t('ui.common.optional')}`}
              maxLength={1000}
            />
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-add-line" disabled={pending}>
          {t('ui.cohorts.create')}
        </Button>
      </form>
    </section>
  );
}
