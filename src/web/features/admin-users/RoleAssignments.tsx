import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleAssignBody } from '../../../shared/api.ts';
import { formatDate } from '../../../shared/format.ts';
import { CONTEXT_LEVELS, type ContextLevel, ROLES } from '../../../shared/roles.ts';
import { accountKeys, type User } from '../../api/accounts.ts';
import type { Domain } from '../../api/domains.ts';
import {
  assignRole,
  type RoleAssignment,
  removeRoleAssignment,
  roleKeys,
  useRoleContexts,
  useUserRoles,
} from '../../api/roles.ts';
import { useMeQuery } from '../../app/auth.tsx';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/fields.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  fieldState,
  invalidProps,
} from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RemoveButton } from '../../components/tableCells.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const FORM = 'attribuer-role';

/** The roles of a user, with where they hold them; add and remove them with `role:assign`. */
export function RoleAssignments({
  user,
  canAssign,
  domains,
}: {
  user: User;
  canAssign: boolean;
  domains: Domain[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMeQuery();
  const query = useUserRoles(user.id);
  const [error, setError] = useState<unknown>();
  const [flash, setFlash] = useState<string>();
  const name = `${user.firstName} ${user.lastName}`;
  const contextOf = (a: RoleAssignment) => a.contextLabel || t(`ui.contextLevels.${a.contextLevel}`);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: roleKeys.userRoles(user.id) });
    // My own roles may have changed.
    if (me && me.user.id === user.id) await queryClient.invalidateQueries({ queryKey: accountKeys.me });
  };

  async function remove(assignment: RoleAssignment) {
    setError(undefined);
    setFlash(undefined);
    try {
      await removeRoleAssignment(assignment.id);
      await refresh();
      setFlash(t('ui.users.roles.removed'));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      {flash ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <EmptyState
          message={t('ui.users.roles.empty')}
          next={canAssign ? t('ui.users.roles.emptyNext') : undefined}
        />
      ) : (
        <Table
          caption={t('ui.users.roles.caption', { name })}
          headers={[
            t('ui.users.roles.colRole'),
            t('ui.users.roles.colLevel'),
            t('ui.users.roles.colContext'),
            t('ui.users.roles.colDate'),
            ...(canAssign ? [t('ui.common.actions')] : []),
          ]}
          data={query.data.map((a) => [
            t(`ui.roles.${a.role}`),
            t(`ui.contextLevels.${a.contextLevel}`),
            contextOf(a),
            formatDate(a.createdAt),
            ...(canAssign
              ? [
                  <RemoveButton
                    key="remove"
                    label={t('ui.users.roles.remove')}
                    ariaLabel={t('ui.users.roles.removeLabel', {
                      role: t(`ui.roles.${a.role}`),
                      scope: contextOf(a),
                    })}
                    onClick={() => remove(a)}
                  />,
                ]
              : []),
          ])}
        />
      )}
      {canAssign ? (
        <AssignRoleForm
          userId={user.id}
          domains={domains}
          onAssigned={async () => {
            await refresh();
            setError(undefined);
            setFlash(t('ui.users.roles.added'));
          }}
        />
      ) : null}
    </>
  );
}

function AssignRoleForm({
  userId,
  domains,
  onAssigned,
}: {
  userId: string;
  domains: Domain[];
  onAssigned: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<ContextLevel>('domain');
  /** Bumped after a successful assignment to start again from an empty form. */
  const [generation, setGeneration] = useState(0);
  const labels = {
    role: t('ui.users.roles.role'),
    contextLevel: t('ui.users.roles.level'),
    instanceId:
      level === 'domain'
        ? t('ui.users.roles.domain')
        : level === 'activity'
          ? t('ui.users.roles.searchActivity')
          : t('ui.users.roles.searchCourse'),
  };

  const { errors, message, pending, submit } = useFormSubmission(
    RoleAssignBody,
    async (body) => {
      await assignRole(body);
      setLevel('domain');
      setGeneration((n) => n + 1);
      await onAssigned();
    },
    {
      // Every level but the platform names where: a domain chosen, a course or an activity found.
      check: (values, errors) =>
        level === 'platform' || values.instanceId || errors.instanceId
          ? errors
          : {
              ...errors,
              instanceId: level === 'domain' ? t('ui.validation.required') : t('ui.users.roles.chooseOne'),
            },
    },
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const instanceId = String(data.get('instanceId') ?? '').trim();
    void submit({
      userId,
      role: String(data.get('role') ?? ''),
      contextLevel: level,
      ...(level === 'platform' ? {} : { instanceId }),
    });
  }

  return (
    <div className="fr-mt-4w">
      <h3>{t('ui.users.roles.addTitle')}</h3>
      <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} as="h4" />
      <form noValidate onSubmit={onSubmit} key={generation}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <SelectField form={FORM} name="role" errors={errors} label={labels.role} defaultValue="" required>
              <option value="" disabled>
                {t('ui.users.roles.chooseRole')}
              </option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`ui.roles.${role}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              form={FORM}
              name="contextLevel"
              errors={errors}
              label={labels.contextLevel}
              value={level}
              onChange={(event) => setLevel(event.target.value as ContextLevel)}
            >
              {CONTEXT_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`ui.contextLevels.${l}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            {level === 'domain' ? (
              <SelectField
                form={FORM}
                name="instanceId"
                errors={errors}
                label={labels.instanceId}
                defaultValue={domains[0]?.id ?? ''}
                required
              >
                <DomainOptions domains={domains} />
              </SelectField>
            ) : null}
          </div>
        </div>
        {level === 'course' || level === 'activity' ? (
          <ContextPicker key={level} level={level} label={labels.instanceId} errors={errors} />
        ) : null}
        <Button className="fr-mt-2w" type="submit" iconId="fr-icon-add-line" disabled={pending}>
          {t('ui.users.roles.add')}
        </Button>
      </form>
    </div>
  );
}

/**
 * A course or an activity found by its title, among those where the actor may assign roles: the search
 * box, then the matches as radio buttons (`instanceId`), named and placed (short name, course, domain).
 */
function ContextPicker({
  level,
  label,
  errors,
}: {
  level: 'course' | 'activity';
  label: string;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  // Asks once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const enabled = q.length >= 2;
  const found = useRoleContexts(level, q);
  const status = !enabled
    ? t('ui.users.roles.typeMore')
    : found.isPending
      ? t('ui.users.roles.searching')
      : found.isError
        ? t('ui.users.roles.searchFailed')
        : found.data.length === 0
          ? t(level === 'course' ? 'ui.users.roles.noCourse' : 'ui.users.roles.noActivity')
          : t('ui.users.roles.found', { count: found.data.length });
  return (
    <div className="fr-mt-2w fr-col-12 fr-col-md-8">
      <Input
        label={label}
        hintText={t(
          level === 'course' ? 'ui.users.roles.searchCourseHint' : 'ui.users.roles.searchActivityHint',
        )}
        {...fieldState(errors, 'instanceId')}
        nativeInputProps={{
          id: fieldId(FORM, 'instanceId'),
          type: 'search',
          autoComplete: 'off',
          value: text,
          onChange: (event) => setText(event.target.value),
          // Enter picks nothing by itself: the person chooses among the matches.
          onKeyDown: (event) => {
            if (event.key === 'Enter') event.preventDefault();
          },
          'aria-describedby': `${FORM}-picker-status`,
          ...invalidProps(errors, 'instanceId'),
        }}
      />
      <p id={`${FORM}-picker-status`} className="fr-text--sm fr-mb-1w" role="status">
        {status}
      </p>
      {enabled && found.data && found.data.length > 0 ? (
        <RadioButtons
          legend={t(level === 'course' ? 'ui.users.roles.coursesFound' : 'ui.users.roles.activitiesFound')}
          name="instanceId"
          options={found.data.map((option) => ({
            label: option.label,
            hintText: option.detail,
            nativeInputProps: { value: option.instanceId },
          }))}
        />
      ) : null}
    </div>
  );
}
