/** `/parcours/:id/groupes`: the groups of a course (create, rename, delete, members) and its groupings. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { GroupCreateBody } from '../../../shared/enrolment.ts';
import { useCoursePage } from '../../api/courses.ts';
import {
  addGroupMembers,
  createGroup,
  createGrouping,
  deleteGroup,
  deleteGrouping,
  type Group,
  type Grouping,
  refreshEnrolment,
  removeGroupMember,
  updateGroup,
  updateGrouping,
  useCourseGroups,
  useEnrolments,
} from '../../api/enrolment.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, type FieldErrors } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { personCells, RemoveButton } from '../../components/tableCells.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { CourseNav } from '../workflow/CourseNav.tsx';

const deleteGroupModal = createModal({ id: 'modale-suppression-groupe', isOpenedByDefault: false });
const deleteGroupingModal = createModal({ id: 'modale-suppression-groupement', isOpenedByDefault: false });

export function GroupsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const page = useCoursePage(id);
  const query = useCourseGroups(id);
  const [flash, setFlash] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [deletingGroup, setDeletingGroup] = useState<Group>();
  const [deletingGrouping, setDeletingGrouping] = useState<Grouping>();
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash || error) flashRef.current?.focus();
  }, [flash, error]);

  if (page.isPending || query.isPending) return <Loading />;
  if (page.isError) return <ProblemAlert error={page.error} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const course = page.data.course;
  const closed = course.stage === 'trash' || course.stage === 'session_archived';
  const manage = query.data.canManage && !closed;
  const { groups, groupings } = query.data;

  /** Runs a change, then refreshes everything about the course's people and says what happened. */
  const run = async (change: () => Promise<unknown>, message: string) => {
    setError(undefined);
    setFlash(undefined);
    try {
      await change();
      await refreshEnrolment(queryClient, id);
      setFlash(message);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  return (
    <>
      <PageHeading
        title={t('ui.groups.title')}
        crumbs={[
          { label: course.title, to: `/parcours/${course.id}` },
          { label: t('ui.enrolment.title'), to: `/parcours/${course.id}/participants` },
        ]}
      >
        <p>{t('ui.groups.intro')}</p>
      </PageHeading>
      <CourseNav courseId={id} current="groups" />
      {closed ? (
        <Alert
          className="fr-mb-3w"
          severity="info"
          small
          description={t(`ui.enrolment.closed.${course.stage as 'trash' | 'session_archived'}`)}
        />
      ) : null}
      <div ref={flashRef} tabIndex={-1}>
        {flash ? (
          <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
        ) : null}
        {error ? <ProblemAlert error={error} /> : null}
      </div>
      {manage ? (
        <CreateGroupForm
          courseId={id}
          onCreated={(name) => run(async () => {}, t('ui.groups.created', { name }))}
        />
      ) : null}

      <h2 className="fr-mt-6w">{t('ui.groups.listTitle')}</h2>
      {groups.length === 0 ? (
        <EmptyState message={t('ui.groups.empty')} next={manage ? t('ui.groups.emptyNext') : undefined} />
      ) : (
        groups.map((group) => (
          <GroupCard
            key={group.id}
            courseId={id}
            group={group}
            manage={manage}
            run={run}
            onDelete={() => {
              setDeletingGroup(group);
              deleteGroupModal.open();
            }}
          />
        ))
      )}

      <Groupings
        courseId={id}
        groups={groups}
        groupings={groupings}
        manage={manage}
        run={run}
        onDelete={(grouping) => {
          setDeletingGrouping(grouping);
          deleteGroupingModal.open();
        }}
      />

      <ConfirmModal
        modal={deleteGroupModal}
        title={t('ui.groups.deleteTitle', { name: deletingGroup?.name ?? '' })}
        confirmLabel={t('ui.groups.deleteConfirm')}
        confirmIcon="fr-icon-delete-line"
        onConfirm={() => {
          const group = deletingGroup;
          if (group) void run(() => deleteGroup(group.id), t('ui.groups.deleted', { name: group.name }));
        }}
      >
        {t('ui.groups.deleteText')}
      </ConfirmModal>
      <ConfirmModal
        modal={deleteGroupingModal}
        title={t('ui.groups.groupings.deleteTitle', { name: deletingGrouping?.name ?? '' })}
        confirmLabel={t('ui.groups.groupings.deleteConfirm')}
        confirmIcon="fr-icon-delete-line"
        onConfirm={() => {
          const grouping = deletingGrouping;
          if (grouping) void run(() => deleteGrouping(grouping.id), t('ui.groups.groupings.deleted'));
        }}
      >
        {t('ui.groups.groupings.deleteText')}
      </ConfirmModal>
    </>
  );
}

type Run = (change: () => Promise<unknown>, message: string) => Promise<boolean>;

const CREATE_FORM = 'creer-groupe';

function CreateGroupForm({ courseId, onCreated }: { courseId: string; onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const labels = { name: t('ui.groups.name'), description: t('ui.groups.description') };
  const { errors, message, pending, onSubmit } = useFormSubmission(GroupCreateBody, async (body) => {
    await createGroup(courseId, body);
    setGeneration((n) => n + 1);
    await refreshEnrolment(queryClient, courseId);
    onCreated(body.name);
  });

  return (
    <section aria-labelledby="creer-groupe-titre">
      <h2 id="creer-groupe-titre">{t('ui.groups.createTitle')}</h2>
      <ErrorSummary form={CREATE_FORM} errors={errors} labels={labels} message={message} as="h3" />
      <form noValidate onSubmit={onSubmit} key={generation}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <TextField
              form={CREATE_FORM}
              name="name"
              errors={errors}
              label={labels.name}
              required
              maxLength={100}
              autoComplete="off"
            />
          </div>
          <div className="fr-col-12 fr-col-md-5">
            <TextField
              form={CREATE_FORM}
              name="description"
              errors={errors}
              label={`${labels.description} ${t('ui.common.optional')}`}
              maxLength={1000}
              autoComplete="off"
            />
          </div>
          <div className="fr-col-12 fr-col-md-3 mg-align-end">
            <Button type="submit" iconId="fr-icon-add-line" disabled={pending} className="fr-mb-3w">
              {t('ui.groups.create')}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}

function GroupCard({
  courseId,
  group,
  manage,
  run,
  onDelete,
}: {
  courseId: string;
  group: Group;
  manage: boolean;
  run: Run;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const headingId = `groupe-${group.id}`;
  return (
    <section className="mg-section--edit" aria-labelledby={headingId}>
      <div className="fr-grid-row fr-grid-row--middle fr-grid-row--gutters">
        <div className="fr-col">
          <h3 id={headingId} className="fr-h5 fr-mb-0">
            {group.name}{' '}
            <span className="fr-text--sm fr-text--regular mg-muted">
              ({t('ui.groups.members', { count: group.members.length })})
            </span>
          </h3>
          {group.description ? <p className="fr-text--sm fr-mb-0">{group.description}</p> : null}
        </div>
        {manage ? (
          <div className="fr-col-auto mg-actions">
            <Button
              size="small"
              priority="secondary"
              iconId="fr-icon-edit-line"
              onClick={() => setRenaming((v) => !v)}
              nativeButtonProps={{
                'aria-label': t('ui.groups.renameLabel', { name: group.name }),
                'aria-expanded': renaming,
              }}
            >
              {t('ui.groups.rename')}
            </Button>
            <Button
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              onClick={onDelete}
              nativeButtonProps={{ 'aria-label': t('ui.groups.deleteLabel', { name: group.name }) }}
            >
              {t('ui.groups.delete')}
            </Button>
          </div>
        ) : null}
      </div>
      {renaming ? (
        <RenameForm
          group={group}
          onDone={async (name, description) => {
            const ok = await run(() => updateGroup(group.id, { name, description }), t('ui.groups.renamed'));
            if (ok) setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : null}
      {group.members.length === 0 ? (
        <p className="fr-mt-2w">{t('ui.groups.noMembers')}</p>
      ) : (
        <Table
          className="fr-mt-2w fr-mb-2w"
          noCaption
          caption={t('ui.groups.membersCaption', { name: group.name })}
          headers={[
            t('ui.groups.colName'),
            t('ui.groups.colEmail'),
            ...(manage ? [t('ui.common.actions')] : []),
          ]}
          data={group.members.map((member) => {
            const name = `${member.firstName} ${member.lastName}`;
            return [
              ...personCells(member),
              ...(manage
                ? [
                    <RemoveButton
                      key="remove"
                      label={t('ui.groups.remove')}
                      ariaLabel={t('ui.groups.removeLabel', { name, group: group.name })}
                      onClick={() =>
                        void run(
                          () => removeGroupMember(group.id, member.userId),
                          t('ui.groups.removed', { name }),
                        )
                      }
                    />,
                  ]
                : []),
            ];
          })}
        />
      )}
      {manage ? <AddMember courseId={courseId} group={group} run={run} /> : null}
    </section>
  );
}

function RenameForm({
  group,
  onDone,
  onCancel,
}: {
  group: Group;
  onDone: (name: string, description: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = `renommer-${group.id}`;
  return (
    <form
      noValidate
      className="fr-mt-2w"
      aria-label={t('ui.groups.renameTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const name = String(data.get('name') ?? '').trim();
        if (!name) {
          setErrors({ name: t('ui.validation.required') });
          return;
        }
        void onDone(name, String(data.get('description') ?? '').trim());
      }}
    >
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <TextField
            form={form}
            name="name"
            errors={errors}
            label={t('ui.groups.name')}
            defaultValue={group.name}
            maxLength={100}
            autoFocus
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <TextField
            form={form}
            name="description"
            errors={errors}
            label={`${t('ui.groups.description')} ${t('ui.common.optional')}`}
            defaultValue={group.description}
            maxLength={1000}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4 mg-align-end">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-1w">
            <li>
              <Button type="submit" size="small">
                {t('ui.common.save')}
              </Button>
            </li>
            <li>
              <Button type="button" size="small" priority="secondary" onClick={onCancel}>
                {t('ui.common.cancel')}
              </Button>
            </li>
          </ul>
        </div>
      </div>
    </form>
  );
}

function AddMember({ courseId, group, run }: { courseId: string; group: Group; run: Run }) {
  const { t } = useTranslation();
  // The enrolled people who could join (the first 200, by name).
  const enrolled = useEnrolments(courseId, { status: 'active', page: 1, pageSize: 200 });
  const [userId, setUserId] = useState('');
  const inGroup = new Set(group.members.map((m) => m.userId));
  const seen = new Set<string>();
  const candidates = (enrolled.data?.items ?? []).filter((e) => {
    if (inGroup.has(e.userId) || seen.has(e.userId)) return false;
    seen.add(e.userId);
    return true;
  });
  if (enrolled.isPending) return null;
  if (candidates.length === 0) return <p className="fr-text--sm mg-muted">{t('ui.groups.nobodyToAdd')}</p>;
  const selectId = `ajouter-membre-${group.id}`;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const person = candidates.find((c) => c.userId === userId);
        if (!person) return;
        void run(
          () => addGroupMembers(group.id, [person.userId]),
          t('ui.groups.added', { name: `${person.firstName} ${person.lastName}` }),
        ).then((ok) => ok && setUserId(''));
      }}
    >
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <Select
            label={t('ui.groups.addMember', { group: group.name })}
            nativeSelectProps={{
              id: selectId,
              value: userId,
              onChange: (e) => setUserId(e.currentTarget.value),
            }}
          >
            <option value="" disabled>
              {t('ui.groups.chooseMember')}
            </option>
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.lastName} {c.firstName} — {c.email}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4 mg-align-end">
          <Button
            type="submit"
            size="small"
            iconId="fr-icon-user-add-line"
            disabled={!userId}
            className="fr-mb-3w"
          >
            {t('ui.groups.addSubmit')}
          </Button>
        </div>
      </div>
    </form>
  );
}

function Groupings({
  courseId,
  groups,
  groupings,
  manage,
  run,
  onDelete,
}: {
  courseId: string;
  groups: Group[];
  groupings: Grouping[];
  manage: boolean;
  run: Run;
  onDelete: (grouping: Grouping) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string>();
  const nameOf = (groupId: string) => groups.find((g) => g.id === groupId)?.name ?? '';
  return (
    <section className="fr-mt-6w" aria-labelledby="groupements-titre">
      <h2 id="groupements-titre">{t('ui.groups.groupings.title')}</h2>
      <p>{t('ui.groups.groupings.intro')}</p>
      {groupings.length === 0 ? (
        <p>{t('ui.groups.groupings.empty')}</p>
      ) : (
        <Table
          caption={t('ui.groups.groupings.caption')}
          headers={[
            t('ui.groups.groupings.colName'),
            t('ui.groups.groupings.colGroups'),
            ...(manage ? [t('ui.common.actions')] : []),
          ]}
          data={groupings.map((grouping) => [
            grouping.name,
            grouping.groupIds.map(nameOf).filter(Boolean).sort().join(', ') || t('ui.common.none'),
            ...(manage
              ? [
                  <div key="actions" className="mg-actions">
                    <Button
                      size="small"
                      priority="secondary"
                      iconId="fr-icon-edit-line"
                      onClick={() => setEditing(editing === grouping.id ? undefined : grouping.id)}
                      nativeButtonProps={{
                        'aria-label': t('ui.groups.groupings.editLabel', { name: grouping.name }),
                        'aria-expanded': editing === grouping.id,
                      }}
                    >
                      {t('ui.groups.groupings.edit')}
                    </Button>
                    <Button
                      size="small"
                      priority="tertiary"
                      iconId="fr-icon-delete-line"
                      onClick={() => onDelete(grouping)}
                      nativeButtonProps={{
                        'aria-label': t('ui.groups.groupings.deleteLabel', { name: grouping.name }),
                      }}
                    >
                      {t('ui.groups.groupings.delete')}
                    </Button>
                  </div>,
                ]
              : []),
          ])}
        />
      )}
      {manage && editing ? (
        <GroupingForm
          key={editing}
          groups={groups}
          grouping={groupings.find((g) => g.id === editing)}
          onSubmit={async (name, groupIds) => {
            const ok = await run(
              () => updateGrouping(editing, { name, groupIds }),
              t('ui.groups.groupings.saved'),
            );
            if (ok) setEditing(undefined);
          }}
        />
      ) : null}
      {manage && !editing ? (
        groups.length === 0 ? (
          <p className="mg-muted">{t('ui.groups.groupings.noGroups')}</p>
        ) : (
          <GroupingForm
            groups={groups}
            onSubmit={(name, groupIds) =>
              run(
                () => createGrouping(courseId, { name, groupIds }),
                t('ui.groups.groupings.created', { name }),
              )
            }
          />
        )
      ) : null}
    </section>
  );
}

function GroupingForm({
  groups,
  grouping,
  onSubmit,
}: {
  groups: Group[];
  grouping?: Grouping;
  onSubmit: (name: string, groupIds: string[]) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generation, setGeneration] = useState(0);
  const form = grouping ? `groupement-${grouping.id}` : 'creer-groupement';
  return (
    <form
      noValidate
      key={generation}
      className="fr-mt-3w"
      aria-labelledby={`${form}-titre`}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const name = String(data.get('name') ?? '').trim();
        if (!name) {
          setErrors({ name: t('ui.validation.required') });
          return;
        }
        setErrors({});
        void onSubmit(name, data.getAll('groupIds').map(String)).then(
          () => !grouping && setGeneration((n) => n + 1),
        );
      }}
    >
      <h3 id={`${form}-titre`} className="fr-h6">
        {grouping
          ? t('ui.groups.groupings.editLabel', { name: grouping.name })
          : t('ui.groups.groupings.create')}
      </h3>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            form={form}
            name="name"
            errors={errors}
            label={t('ui.groups.groupings.name')}
            defaultValue={grouping?.name ?? ''}
            maxLength={100}
            autoComplete="off"
          />
        </div>
      </div>
      <Checkbox
        legend={t('ui.groups.groupings.groups')}
        orientation="horizontal"
        options={groups.map((group) => ({
          label: group.name,
          nativeInputProps: {
            name: 'groupIds',
            value: group.id,
            defaultChecked: grouping?.groupIds.includes(group.id) ?? false,
          },
        }))}
      />
      <Button type="submit" iconId={grouping ? 'fr-icon-check-line' : 'fr-icon-add-line'}>
        {grouping ? t('ui.groups.groupings.save') : t('ui.groups.groupings.create')}
      </Button>
    </form>
  );
}
