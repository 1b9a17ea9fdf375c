/**
 * "Inscrire des personnes": pasted lists per role, a CSV file, a cohort, or one person found by search.
 * Bulk ways check first (the report), then apply on confirmation — all or nothing.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENROL_ROLES } from '../../../shared/enrolment.ts';
import { formatNumber } from '../../../shared/format.ts';
import { keyIn, type SuffixOf } from '../../../shared/i18n/keys.ts';
import { ApiError } from '../../api/client.ts';
import {
  applyBulk,
  type BulkSource,
  type Candidates,
  checkBulk,
  type EnrolmentReport,
  type EnrolRole,
  enrolPeople,
  findCandidates,
  refreshEnrolment,
  rejectedReport,
  useCourseCohorts,
} from '../../api/enrolment.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import { ErrorSummary, type FieldErrors } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';
import { personCells } from '../../components/tableCells.tsx';
import { BulkReport } from './BulkReport.tsx';

type Tab = 'lists' | 'csv' | 'cohort' | 'person';

export function EnrolPanel({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('lists');
  const [flash, setFlash] = useState<string>();
  // Bumped after each enrolment: the forms start again empty.
  const [generation, setGeneration] = useState(0);
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);
  const onDone = (message: string) => {
    setFlash(message);
    setGeneration((n) => n + 1);
  };
  return (
    <section className="fr-mt-6w" aria-labelledby="inscrire-titre">
      <h2 id="inscrire-titre">{t('ui.enrolment.add.title')}</h2>
      <div ref={flashRef} tabIndex={-1}>
        {flash ? (
          <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
        ) : null}
      </div>
      <Tabs
        label={t('ui.enrolment.add.tabsLabel')}
        selectedTabId={tab}
        onTabChange={(id) => {
          setTab(id as Tab);
          setFlash(undefined);
        }}
        tabs={(['lists', 'csv', 'cohort', 'person'] as const).map((id) => ({
          tabId: id,
          label: t(`ui.enrolment.add.${id}`),
        }))}
      >
        {tab === 'lists' ? <ListsForm key={generation} courseId={courseId} onDone={onDone} /> : null}
        {tab === 'csv' ? <CsvForm key={generation} courseId={courseId} onDone={onDone} /> : null}
        {tab === 'cohort' ? <CohortForm key={generation} courseId={courseId} onDone={onDone} /> : null}
        {tab === 'person' ? <PersonForm key={generation} courseId={courseId} onDone={onDone} /> : null}
      </Tabs>
    </section>
  );
}

/** Check, then confirm: the report of the last check, and what applying it said. */
function useBulk(courseId: string, onDone: (message: string) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [report, setReport] = useState<EnrolmentReport>();
  const [source, setSource] = useState<BulkSource>();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  // Whether to create the accounts of unknown addresses: chosen in the report, kept for the next checks.
  const [creating, setCreating] = useState(false);

  /** Checks a source; `keep`: the report stays on screen meanwhile (a choice made inside it). */
  async function check(given: BulkSource, keep = false) {
    const next =
      given.kind !== 'cohort' && given.createAccounts === undefined
        ? { ...given, createAccounts: creating }
        : given;
    setPending(true);
    setError(undefined);
    if (!keep) setReport(undefined);
    try {
      setReport(await checkBulk(courseId, next));
      setSource(next);
    } catch (e) {
      setError(e);
      if (keep && source?.kind !== 'cohort') setCreating(Boolean(source?.createAccounts));
    } finally {
      setPending(false);
    }
  }

  async function confirm() {
    if (!source) return;
    setPending(true);
    setError(undefined);
    try {
      const result = await applyBulk(courseId, source);
      setReport(undefined);
      setSource(undefined);
      await refreshEnrolment(queryClient, courseId);
      const enrolled = result.enrolled + result.reactivated;
      const say = (key: SuffixOf<'ui.enrolment.report'>, count: number) =>
        count > 0 ? t(keyIn('ui.enrolment.report', key), { count, n: formatNumber(count) }) : '';
      onDone(
        [
          t('ui.enrolment.report.applied', { count: enrolled, n: formatNumber(enrolled) }),
          result.groupsCreated.length
            ? t('ui.enrolment.report.appliedGroups', { names: result.groupsCreated.join(', ') })
            : '',
          say('appliedAccounts', result.accountsCreated),
          say('appliedNotified', result.notified),
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (e) {
      // Something changed since the check: the new report says what.
      const again = rejectedReport(e);
      if (again) setReport(again);
      setError(e);
    } finally {
      setPending(false);
    }
  }

  function cancel() {
    setReport(undefined);
    setSource(undefined);
    setError(undefined);
  }

  /** Ticked or unticked in the report: the same source checked again, creating accounts or not. */
  function createAccounts(create: boolean) {
    if (!source || source.kind === 'cohort') return;
    setCreating(create);
    void check({ ...source, createAccounts: create }, true);
  }

  return { report, error, pending, check, confirm, cancel, creating, createAccounts };
}

/** The report of the last check, with its confirmation; or why the check failed, unless the form says it. */
function BulkOutcome({
  bulk,
  showList,
  problemShownByForm = false,
}: {
  bulk: ReturnType<typeof useBulk>;
  showList: boolean;
  /** The CSV form shows a problem of its file on the file's field. */
  problemShownByForm?: boolean;
}) {
  return (
    <>
      {bulk.error && !bulk.report && !problemShownByForm ? (
        <ProblemAlert error={bulk.error} className="fr-mt-3w" />
      ) : null}
      {bulk.report ? (
        <BulkReport
          report={bulk.report}
          showList={showList}
          pending={bulk.pending}
          error={bulk.error}
          onConfirm={() => void bulk.confirm()}
          onCancel={bulk.cancel}
          creating={bulk.creating}
          onCreateAccounts={bulk.createAccounts}
        />
      ) : null}
    </>
  );
}

const LISTS_FORM = 'inscription-listes';

function ListsForm({ courseId, onDone }: { courseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const bulk = useBulk(courseId, onDone);
  const [lists, setLists] = useState<Record<EnrolRole, string>>({ participant: '', trainer: '', tutor: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const labels = Object.fromEntries(ENROL_ROLES.map((role) => [role, t(`ui.enrolment.rolesPlural.${role}`)]));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (ENROL_ROLES.every((role) => lists[role].trim() === '')) {
      setErrors({ participant: t('ui.enrolment.lists.empty') });
      return;
    }
    setErrors({});
    const filled = Object.fromEntries(ENROL_ROLES.filter((r) => lists[r].trim()).map((r) => [r, lists[r]]));
    void bulk.check({ kind: 'lists', lists: filled });
  }

  return (
    <>
      <p>{t('ui.enrolment.lists.intro')}</p>
      <ErrorSummary form={LISTS_FORM} errors={errors} labels={labels} as="h3" />
      <form noValidate onSubmit={submit}>
        <div className="fr-grid-row fr-grid-row--gutters">
          {ENROL_ROLES.map((role) => (
            <div key={role} className="fr-col-12 fr-col-md-4">
              <TextAreaField
                form={LISTS_FORM}
                name={role}
                errors={errors}
                label={labels[role]}
                hint={t('ui.enrolment.lists.hint')}
                rows={8}
                spellCheck={false}
                value={lists[role]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setLists((current) => ({ ...current, [role]: value }));
                  if (bulk.report) bulk.cancel();
                }}
              />
            </div>
          ))}
        </div>
        <Button className="fr-mt-2w" type="submit" iconId="fr-icon-search-line" disabled={bulk.pending}>
          {t('ui.enrolment.lists.check')}
        </Button>
      </form>
      <BulkOutcome bulk={bulk} showList />
    </>
  );
}

const CSV_EXAMPLE =
  'courriel;rôle;groupe\nprenom.nom@ac-academie.fr;participant;Groupe A\nautre.nom@ac-academie.fr;formateur;';

function CsvForm({ courseId, onDone }: { courseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const bulk = useBulk(courseId, onDone);
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  // A problem about the file itself (encoding, syntax, size) is shown on the field.
  const problem = bulk.error instanceof ApiError && !bulk.report ? problemMessage(bulk.error) : undefined;
  const fieldError = fileError ?? problem;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setFileError(t('ui.enrolment.csv.noFile'));
      document.getElementById('inscription-csv-fichier')?.focus();
      return;
    }
    setFileError(undefined);
    void bulk.check({ kind: 'csv', file });
  }

  return (
    <>
      <p>{t('ui.enrolment.csv.intro')}</p>
      <details className="fr-mb-3w">
        <summary>{t('ui.enrolment.csv.example')}</summary>
        <pre className="mg-mail-body fr-mt-1w">{CSV_EXAMPLE}</pre>
      </details>
      <form noValidate onSubmit={submit}>
        <Upload
          label={t('ui.enrolment.csv.label')}
          hint={t('ui.enrolment.csv.hint')}
          state={fieldError ? 'error' : 'default'}
          stateRelatedMessage={fieldError}
          nativeInputProps={{
            id: 'inscription-csv-fichier',
            accept: '.csv,text/csv',
            onChange: (event) => {
              setFile(event.currentTarget.files?.[0]);
              setFileError(undefined);
              bulk.cancel();
            },
            ...(fieldError ? { 'aria-invalid': true } : {}),
          }}
        />
        <Button className="fr-mt-2w" type="submit" iconId="fr-icon-search-line" disabled={bulk.pending}>
          {t('ui.enrolment.csv.check')}
        </Button>
      </form>
      <BulkOutcome bulk={bulk} showList={false} problemShownByForm />
    </>
  );
}

function CohortForm({ courseId, onDone }: { courseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const query = useCourseCohorts(courseId, true);
  const bulk = useBulk(courseId, onDone);
  const [cohortId, setCohortId] = useState('');
  const [role, setRole] = useState<EnrolRole>('participant');
  const [error, setError] = useState<string>();

  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (query.data.length === 0)
    return <EmptyState message={t('ui.enrolment.cohort.none')} next={t('ui.enrolment.cohort.noneNext')} />;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!cohortId) {
      setError(t('ui.enrolment.cohort.required'));
      document.getElementById('inscription-cohorte')?.focus();
      return;
    }
    setError(undefined);
    void bulk.check({ kind: 'cohort', cohortId, role });
  }

  return (
    <>
      <p>{t('ui.enrolment.cohort.intro')}</p>
      <form noValidate onSubmit={submit}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={t('ui.enrolment.cohort.label')}
              state={error ? 'error' : 'default'}
              stateRelatedMessage={error}
              nativeSelectProps={{
                id: 'inscription-cohorte',
                value: cohortId,
                onChange: (event) => {
                  setCohortId(event.currentTarget.value);
                  bulk.cancel();
                },
                ...(error ? { 'aria-invalid': true } : {}),
              }}
            >
              <option value="" disabled>
                {t('ui.enrolment.cohort.choose')}
              </option>
              {query.data.map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {t('ui.enrolment.cohort.option', { name: cohort.name, count: cohort.memberCount })}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <RoleSelect
              id="inscription-cohorte-role"
              label={t('ui.enrolment.cohort.role')}
              value={role}
              onChange={setRole}
            />
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-search-line" disabled={bulk.pending}>
          {t('ui.enrolment.cohort.check')}
        </Button>
      </form>
      <BulkOutcome bulk={bulk} showList={false} />
    </>
  );
}

function RoleSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: EnrolRole;
  onChange: (role: EnrolRole) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      nativeSelectProps={{ id, value, onChange: (event) => onChange(event.currentTarget.value as EnrolRole) }}
    >
      {ENROL_ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`ui.enrolment.roles.${role}`)}
        </option>
      ))}
    </Select>
  );
}

function PersonForm({ courseId, onDone }: { courseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Candidates['mode']>();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<EnrolRole>('participant');
  const [found, setFound] = useState<Candidates['items']>();
  const [hint, setHint] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);

  // What the actor may search (by name, or by exact address) decides the label: ask once.
  useEffect(() => {
    findCandidates(courseId, '')
      .then((answer) => setMode(answer.mode))
      .catch(setError);
  }, [courseId]);

  async function search(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = q.trim();
    if (mode === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
      setHint(t('ui.enrolment.person.notEmail'));
      return;
    }
    if (text.length < 2) {
      setHint(t('ui.enrolment.person.tooShort'));
      return;
    }
    setHint(undefined);
    setError(undefined);
    setPending(true);
    try {
      setFound((await findCandidates(courseId, text)).items);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  async function enrol(person: Candidates['items'][number]) {
    setError(undefined);
    setPending(true);
    const name = `${person.firstName} ${person.lastName}`;
    const roleName = t(`ui.enrolment.roles.${role}`).toLowerCase();
    try {
      const result = await enrolPeople(courseId, { role, userIds: [person.id] });
      await refreshEnrolment(queryClient, courseId);
      setFound(undefined);
      setQ('');
      onDone(
        result.alreadyEnrolled
          ? t('ui.enrolment.person.already', { name, role: roleName })
          : t('ui.enrolment.person.enrolled', { name, role: roleName }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  if (!mode && !error) return <Loading />;
  const label =
    mode === 'search' ? t('ui.enrolment.person.labelSearch') : t('ui.enrolment.person.labelEmail');
  return (
    <>
      <p>{mode === 'search' ? t('ui.enrolment.person.introSearch') : t('ui.enrolment.person.introEmail')}</p>
      {error ? <ProblemAlert error={error} /> : null}
      <form noValidate onSubmit={search}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={label}
              state={hint ? 'error' : 'default'}
              stateRelatedMessage={hint}
              nativeInputProps={{
                id: 'inscription-personne',
                type: mode === 'email' ? 'email' : 'search',
                autoComplete: 'off',
                value: q,
                onChange: (event) => setQ(event.currentTarget.value),
                ...(hint ? { 'aria-invalid': true } : {}),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <RoleSelect
              id="inscription-personne-role"
              label={t('ui.enrolment.person.role')}
              value={role}
              onChange={setRole}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3 mg-align-end">
            <Button type="submit" iconId="fr-icon-search-line" disabled={pending} className="fr-mb-3w">
              {t('ui.enrolment.person.search')}
            </Button>
          </div>
        </div>
      </form>
      {found ? (
        found.length === 0 ? (
          <p role="status">{t('ui.enrolment.person.none')}</p>
        ) : (
          <Table
            caption={t('ui.enrolment.person.caption')}
            headers={[
              t('ui.enrolment.person.colName'),
              t('ui.enrolment.person.colEmail'),
              t('ui.enrolment.person.colEnrolled'),
              t('ui.common.actions'),
            ]}
            data={found.map((person) => {
              const name = `${person.firstName} ${person.lastName}`;
              return [
                ...personCells(person),
                person.enrolledAs.length
                  ? person.enrolledAs.map((r) => t(`ui.enrolment.roles.${r}`)).join(', ')
                  : t('ui.common.none'),
                <Button
                  key="enrol"
                  size="small"
                  iconId="fr-icon-user-add-line"
                  disabled={pending || person.enrolledAs.includes(role)}
                  onClick={() => void enrol(person)}
                  nativeButtonProps={{
                    'aria-label': t('ui.enrolment.person.enrolLabel', {
                      name,
                      role: t(`ui.enrolment.roles.${role}`).toLowerCase(),
                    }),
                  }}
                >
                  {t('ui.enrolment.person.enrol')}
                </Button>,
              ];
            })}
          />
        )
      ) : null}
    </>
  );
}
