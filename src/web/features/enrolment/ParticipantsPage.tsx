/** `/parcours/:id/participants`: who is enrolled (search, filters, paging), unenrolment, and enrolling more. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ENROL_ROLES } from '../../../shared/enrolment.ts';
import { formatNumber } from '../../../shared/format.ts';
import { useCoursePage } from '../../api/courses.ts';
import {
  type Enrolment,
  refreshEnrolment,
  unenrol,
  useCourseGroups,
  useEnrolments,
} from '../../api/enrolment.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ListPages, pageLinks, SearchCell, SearchForm } from '../../components/lists.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { personCells, RemoveButton } from '../../components/tableCells.tsx';
import { CourseNav } from '../workflow/CourseNav.tsx';
import { EnrolPanel } from './EnrolPanel.tsx';

const PAGE_SIZE = 50;
/** "23/11/2026": compact, for a column of dates. */
const shortDate = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });
const unenrolModal = createModal({ id: 'modale-desinscription', isOpenedByDefault: false });

export function ParticipantsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const page = useCoursePage(id);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const groupId = params.get('groupe') ?? '';
  const status = params.get('statut') === 'removed' ? 'removed' : 'active';
  const pageNumber = Math.max(1, Number(params.get('page')) || 1);
  const query = useEnrolments(id, {
    q: q || undefined,
    role: role || undefined,
    groupId: groupId || undefined,
    status,
    page: pageNumber,
    pageSize: PAGE_SIZE,
  });
  const groups = useCourseGroups(id);
  const [removing, setRemoving] = useState<Enrolment>();
  const [flash, setFlash] = useState<string>();
  const [error, setError] = useState<unknown>();

  if (page.isPending || query.isPending) return <Loading />;
  if (page.isError) return <ProblemAlert error={page.error} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const course = page.data.course;
  const list = query.data;
  const filtered = Boolean(q || role || groupId);
  const nameOf = (e: Enrolment) => `${e.firstName} ${e.lastName}`;
  const roleOf = (e: Enrolment) => t(`ui.enrolment.roles.${e.role}`).toLowerCase();
  const manage = list.canManage && !list.closed;

  function onSearch(data: FormData) {
    const next = new URLSearchParams();
    for (const [key, value] of data.entries()) {
      const text = String(value).trim();
      if (text && !(key === 'statut' && text === 'active')) next.set(key, text);
    }
    setParams(next);
  }

  async function confirmUnenrol() {
    const enrolment = removing;
    if (!enrolment) return;
    setError(undefined);
    try {
      await unenrol(enrolment.id);
      await refreshEnrolment(queryClient, id);
      setFlash(t('ui.enrolment.unenrolled', { name: nameOf(enrolment) }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <PageHeading
        title={t('ui.enrolment.title')}
        crumbs={[{ label: course.title, to: `/parcours/${course.id}` }]}
      >
        <p>{t('ui.enrolment.intro')}</p>
      </PageHeading>
      <CourseNav courseId={course.id} current="participants" />
      <p className="fr-text--lg">
        {ENROL_ROLES.map((r) =>
          t(`ui.enrolment.counts.${r}`, { count: list.counts[r], n: formatNumber(list.counts[r]) }),
        ).join(', ')}
      </p>
      <p>
        <Button
          priority="secondary"
          iconId="fr-icon-team-line"
          linkProps={{ to: `/parcours/${course.id}/groupes` }}
        >
          {t('ui.enrolment.groupsLink')}
        </Button>
      </p>
      {list.closed ? (
        <Alert
          className="fr-mb-3w"
          severity="info"
          small
          description={t(`ui.enrolment.closed.${list.closed}`)}
        />
      ) : null}
      {flash ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      <SearchForm
        legend={t('ui.enrolment.searchLegend')}
        formKey={params.toString()}
        className="fr-mb-3w"
        submitLabel={t('ui.common.search')}
        submitIcon="fr-icon-search-line"
        buttonWidth={2}
        onSearch={onSearch}
      >
        <SearchCell width={4}>
          <Input
            label={t('ui.enrolment.q')}
            hintText={t('ui.enrolment.qHint')}
            nativeInputProps={{ name: 'q', type: 'search', defaultValue: q }}
          />
        </SearchCell>
        <SearchCell width={2}>
          <Select label={t('ui.enrolment.role')} nativeSelectProps={{ name: 'role', defaultValue: role }}>
            <option value="">{t('ui.enrolment.allRoles')}</option>
            {ENROL_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`ui.enrolment.roles.${r}`)}
              </option>
            ))}
          </Select>
        </SearchCell>
        <SearchCell width={2}>
          <Select
            label={t('ui.enrolment.group')}
            nativeSelectProps={{ name: 'groupe', defaultValue: groupId }}
          >
            <option value="">{t('ui.enrolment.allGroups')}</option>
            {(groups.data?.groups ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </SearchCell>
        <SearchCell width={2}>
          <Select
            label={t('ui.enrolment.status')}
            nativeSelectProps={{ name: 'statut', defaultValue: status }}
          >
            <option value="active">{t('ui.enrolment.statusActive')}</option>
            <option value="removed">{t('ui.enrolment.statusRemoved')}</option>
          </Select>
        </SearchCell>
      </SearchForm>
      {list.items.length === 0 ? (
        <EmptyState
          message={
            status === 'removed'
              ? t('ui.enrolment.emptyRemoved')
              : filtered
                ? t('ui.enrolment.emptyFiltered')
                : t('ui.enrolment.empty')
          }
          next={!filtered && status === 'active' && manage ? t('ui.enrolment.emptyNext') : undefined}
        />
      ) : (
        <>
          <Table
            caption={`${status === 'removed' ? t('ui.enrolment.captionRemoved') : t('ui.enrolment.caption')} (${t('ui.common.resultCount', { count: list.total })})`}
            headers={[
              t('ui.enrolment.colName'),
              t('ui.enrolment.colEmail'),
              t('ui.enrolment.colRole'),
              t('ui.enrolment.colGroups'),
              status === 'removed' ? t('ui.enrolment.colRemovedAt') : t('ui.enrolment.colSince'),
              t('ui.enrolment.colMethod'),
              ...(manage && status === 'active' ? [t('ui.common.actions')] : []),
            ]}
            data={list.items.map((e) => [
              ...personCells(e),
              t(`ui.enrolment.roles.${e.role}`),
              e.groups.length ? e.groups.map((g) => g.name).join(', ') : t('ui.common.none'),
              shortDate.format(new Date(status === 'removed' && e.removedAt ? e.removedAt : e.enrolledAt)),
              t(`ui.enrolment.methods.${e.method}`),
              ...(manage && status === 'active'
                ? [
                    <RemoveButton
                      key="unenrol"
                      label={t('ui.enrolment.unenrol')}
                      ariaLabel={t('ui.enrolment.unenrolLabel', { name: nameOf(e), role: roleOf(e) })}
                      onClick={() => {
                        setRemoving(e);
                        setFlash(undefined);
                        unenrolModal.open();
                      }}
                    />,
                  ]
                : []),
            ])}
          />
          <ListPages total={list.total} perPage={PAGE_SIZE} page={pageNumber} link={pageLinks(params)} />
        </>
      )}
      <ConfirmModal
        modal={unenrolModal}
        title={t('ui.enrolment.unenrolTitle', { name: removing ? nameOf(removing) : '' })}
        confirmLabel={t('ui.enrolment.unenrolConfirm')}
        confirmIcon="fr-icon-close-line"
        onConfirm={() => void confirmUnenrol()}
      >
        {removing ? t('ui.enrolment.unenrolText', { name: nameOf(removing), role: roleOf(removing) }) : null}
      </ConfirmModal>
      {manage ? <EnrolPanel courseId={course.id} /> : null}
    </>
  );
}
