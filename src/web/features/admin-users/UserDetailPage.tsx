import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { UserUpdateBody } from '../../../shared/api.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { accountKeys, type User, updateUser, useUser } from '../../api/accounts.ts';
import { useDomains } from '../../api/domains.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AccountActions } from './AccountActions.tsx';
import { RoleAssignments } from './RoleAssignments.tsx';
import { UserForm } from './UserForm.tsx';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useUser(id);
  useDocumentTitle(query.data ? `${query.data.firstName} ${query.data.lastName}` : t('ui.users.title'));
  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <>
        <PageHeading title={t('ui.users.title')} crumbs={[]} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  return <UserDetail user={query.data} />;
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const canManage = useCan('user:manage');
  const canAssign = useCan('role:assign');
  const canAudit = useCan('audit:view');
  const domains = useDomains().data ?? me.domains;
  const [flash, setFlash] = useState<string | undefined>(
    (location.state as { flash?: string } | null)?.flash,
  );
  const name = `${user.firstName} ${user.lastName}`;
  const domainName = domains.find((d) => d.id === user.homeDomainId)?.name ?? t('ui.common.none');

  const onUpdated = (next: User) => {
    queryClient.setQueryData(accountKeys.user(user.id), next);
    void queryClient.invalidateQueries({ queryKey: accountKeys.users, exact: false, refetchType: 'none' });
  };

  return (
    <>
      <PageHeading title={name} crumbs={[{ label: t('ui.users.title'), to: '/admin/utilisateurs' }]}>
        <p>
          <Badge small noIcon as="span" severity={user.status === 'active' ? 'success' : 'warning'}>
            {t(`ui.userStatus.${user.status}`)}
          </Badge>{' '}
          {user.email} — {domainName}
        </p>
        <p className="fr-text--sm">
          {t('ui.users.detail.createdAt', { date: formatDate(user.createdAt) })}
          {' · '}
          {t('ui.users.detail.lastLogin', {
            date: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('ui.common.never'),
          })}
        </p>
        {canAudit ? (
          <p>
            <Link className="fr-link" to={`/admin/journal?acteur=${user.id}&domaine=tous`}>
              {t('ui.users.detail.auditLink')}
            </Link>
          </p>
        ) : null}
      </PageHeading>
      {flash ? (
        <Alert
          className="fr-mb-4w"
          severity="success"
          small
          role="status"
          closable
          onClose={() => setFlash(undefined)}
          description={flash}
        />
      ) : null}

      <section aria-labelledby="utilisateur-infos" className="fr-mb-6w">
        <h2 id="utilisateur-infos">{t('ui.users.detail.infoTitle')}</h2>
        {canManage ? (
          <UserForm
            key={user.id}
            form="utilisateur"
            user={user}
            domains={domains}
            headingLevel="h3"
            submitLabel={t('ui.users.detail.save')}
            schema={UserUpdateBody}
            onSubmit={async (values) => {
              const next = await updateUser(user.id, values);
              onUpdated(next);
              setFlash(t('ui.common.saved'));
            }}
          />
        ) : (
          <ReadOnlyUser user={user} />
        )}
      </section>

      {canManage ? (
        <section aria-labelledby="utilisateur-compte" className="fr-mb-6w">
          <h2 id="utilisateur-compte">{t('ui.users.detail.accountTitle')}</h2>
          <AccountActions
            user={user}
            isSelf={user.id === me.user.id}
            onUpdated={onUpdated}
            onFlash={setFlash}
          />
        </section>
      ) : null}

      <section aria-labelledby="utilisateur-roles">
        <h2 id="utilisateur-roles">{t('ui.users.roles.title')}</h2>
        <RoleAssignments user={user} canAssign={canAssign} domains={domains} />
      </section>
    </>
  );
}

function ReadOnlyUser({ user }: { user: User }) {
  const { t } = useTranslation();
  const fields = ['firstName', 'lastName', 'academie', 'departement', 'discipline', 'bodyGrade'] as const;
  return (
    <dl>
      {fields.map((field) => (
        <div key={field} className="fr-mb-1w">
          <dt className="fr-text--bold">{t(`ui.users.fields.${field}`)}</dt>
          <dd className="fr-ml-0">{user[field] || t('ui.common.none')}</dd>
        </div>
      ))}
    </dl>
  );
}
