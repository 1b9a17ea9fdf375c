/** `/admin/cohortes/:id`: a cohort's name and description, its members (add by pasted list, remove), deletion. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CohortUpdateBody } from '../../../shared/enrolment.ts';
import { formatDate } from '../../../shared/format.ts';
import { ApiError } from '../../api/client.ts';
import {
  addCohortMembers,
  type CohortDetail,
  cohortKeys,
  deleteCohort,
  removeCohortMember,
  updateCohort,
  useCohort,
} from '../../api/cohorts.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { TextAreaField, TextField } from '../../components/fields.tsx';
import { ErrorSummary, type FieldErrors } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';
import { personCells, RemoveButton } from '../../components/tableCells.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const deleteModal = createModal({ id: 'modale-suppression-cohorte', isOpenedByDefault: false });

export function CohortDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useCohort(id);
  const [flash, setFlash] = useState<string>();
  const [error, setError] = useState<unknown>();
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash || error) flashRef.current?.focus();
  }, [flash, error]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const cohort = query.data;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
  };
  const say = (message: string) => {
    setError(undefined);
    setFlash(message);
  };

  async function removeMember(userId: string, name: string) {
    setFlash(undefined);
    setError(undefined);
    try {
      await removeCohortMember(cohort.id, userId);
      await refresh();
      say(t('ui.cohorts.removed', { name }));
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    try {
      await deleteCohort(cohort.id);
      queryClient.removeQueries({ queryKey: cohortKeys.cohort(cohort.id) });
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
      navigate('/admin/cohortes', { state: { flash: t('ui.cohorts.deleted', { name: cohort.name }) } });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <PageHeading title={cohort.name} crumbs={[{ label: t('ui.cohorts.title'), to: '/admin/cohortes' }]}>
        {cohort.description ? <p>{cohort.description}</p> : null}
      </PageHeading>
      <div ref={flashRef} tabIndex={-1}>
        {flash ? (
          <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
        ) : null}
        {error ? <ProblemAlert error={error} /> : null}
      </div>

      <h2>{t('ui.cohorts.membersTitle')}</h2>
      {cohort.members.length === 0 ? (
        <p>{t('ui.cohorts.noMembers')}</p>
      ) : (
        <Table
          noCaption
          caption={`${t('ui.cohorts.membersCaption', { name: cohort.name })} (${t('ui.common.resultCount', { count: cohort.memberCount })})`}
          headers={[
            t('ui.cohorts.colName'),
            t('ui.cohorts.colEmail'),
            t('ui.cohorts.colAdded'),
            t('ui.common.actions'),
          ]}
          data={cohort.members.map((member) => {
            const name = `${member.firstName} ${member.lastName}`;
            return [
              ...personCells(member),
              formatDate(member.addedAt),
              <RemoveButton
                key="remove"
                label={t('ui.cohorts.remove')}
                ariaLabel={t('ui.cohorts.removeLabel', { name })}
                onClick={() => void removeMember(member.userId, name)}
              />,
            ];
          })}
        />
      )}
      <AddMembersForm
        cohort={cohort}
        onAdded={async (added, already) => {
          await refresh();
          say(t('ui.cohorts.addedCount', { added, already }));
        }}
      />
      <EditCohortForm
        cohort={cohort}
        onSaved={async () => {
          await refresh();
          say(t('ui.cohorts.saved'));
        }}
      />
      <div className="fr-mt-6w">
        <Button priority="tertiary" iconId="fr-icon-delete-line" nativeButtonProps={deleteModal.buttonProps}>
          {t('ui.cohorts.delete')}
        </Button>
      </div>
      <ConfirmModal
        modal={deleteModal}
        title={t('ui.cohorts.deleteTitle', { name: cohort.name })}
        confirmLabel={t('ui.cohorts.deleteConfirm')}
        confirmIcon="fr-icon-delete-line"
        onConfirm={() => void remove()}
      >
        {t('ui.cohorts.deleteText')}
      </ConfirmModal>
    </>
  );
}

const ADD_FORM = 'ajouter-membres';

function AddMembersForm({
  cohort,
  onAdded,
}: {
  cohort: CohortDetail;
  onAdded: (added: number, already: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const [emails, setEmails] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const errors: FieldErrors = problems.length ? { emails: problems[0]! } : {};

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!emails.trim()) {
      setMessage(undefined);
      setProblems([t('ui.validation.required')]);
      return;
    }
    setPending(true);
    try {
      const result = await addCohortMembers(cohort.id, emails);
      setEmails('');
      setProblems([]);
      setMessage(undefined);
      await queryClient.invalidateQueries({ queryKey: cohortKeys.cohort(cohort.id) });
      await onAdded(result.added, result.alreadyMembers);
    } catch (error) {
      // Every wrong address is listed, with its line.
      const all = error instanceof ApiError ? (error.problem.errors ?? []).map((e) => e.message) : [];
      setProblems(all);
      setMessage(problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="fr-mt-4w" aria-labelledby="ajouter-membres-titre">
      <h2 id="ajouter-membres-titre">{t('ui.cohorts.addTitle')}</h2>
      {message || problems.length > 1 ? (
        <Alert
          className="fr-mb-3w"
          severity="error"
          as="h3"
          title={message ?? t('ui.common.errorTitle')}
          description={
            problems.length > 0 ? (
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              ''
            )
          }
        />
      ) : (
        <ErrorSummary form={ADD_FORM} errors={errors} labels={{ emails: t('ui.cohorts.addLabel') }} as="h3" />
      )}
      <form noValidate onSubmit={submit}>
        <TextAreaField
          form={ADD_FORM}
          name="emails"
          errors={errors}
          label={t('ui.cohorts.addLabel')}
          hint={t('ui.cohorts.addHint')}
          rows={5}
          spellCheck={false}
          value={emails}
          onChange={(event) => setEmails(event.currentTarget.value)}
        />
        <Button type="submit" iconId="fr-icon-user-add-line" disabled={pending}>
          {t('ui.cohorts.addSubmit')}
        </Button>
      </form>
    </section>
  );
}

const EDIT_FORM = 'modifier-cohorte';

function EditCohortForm({ cohort, onSaved }: { cohort: CohortDetail; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labels = { name: t('ui.cohorts.name'), description: t('ui.cohorts.description') };
  const { errors, message, pending, onSubmit } = useFormSubmission(CohortUpdateBody, async (body) => {
    const updated = await updateCohort(cohort.id, body);
    queryClient.setQueryData(cohortKeys.cohort(cohort.id), updated);
    await onSaved();
  });

  return (
    <section className="fr-mt-6w" aria-labelledby="modifier-cohorte-titre">
      <h2 id="modifier-cohorte-titre">{t('ui.cohorts.editTitle')}</h2>
      <ErrorSummary form={EDIT_FORM} errors={errors} labels={labels} message={message} as="h3" />
      <form noValidate onSubmit={onSubmit}>
        <TextField
          form={EDIT_FORM}
          name="name"
          errors={errors}
          label={labels.name}
          defaultValue={cohort.name}
          maxLength={200}
        />
        <TextField
          form={EDIT_FORM}
          name="description"
          errors={errors}
          label={`${labels.description} ${t('ui.common.optional')}`}
          defaultValue={cohort.description}
          maxLength={1000}
        />
        <Button type="submit" disabled={pending}>
          {t('ui.cohorts.save')}
        </Button>
      </form>
    </section>
  );
}
