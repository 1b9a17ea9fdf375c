import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { keys, useDomains } from '../../api/queries.ts';
import type { User } from '../../api/types.ts';
import { useMe } from '../../app/auth.tsx';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UserForm } from './UserForm.tsx';

export function UserCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const domains = useDomains().data ?? me.domains;
  const [workingDomain] = useWorkingDomain();
  return (
    <>
      <PageHeading
        title={t('ui.users.newTitle')}
        crumbs={[{ label: t('ui.users.title'), to: '/admin/utilisateurs' }]}
      />
      <UserForm
        form="nouvel-utilisateur"
        domains={domains}
        defaultDomainId={workingDomain}
        submitLabel={t('ui.users.createSubmit')}
        onSubmit={async (values) => {
          const user = await api.post<User>('/api/users', values);
          await queryClient.invalidateQueries({ queryKey: keys.users });
          navigate(`/admin/utilisateurs/${user.id}`, {
            state: { flash: t('ui.users.created', { name: `${user.firstName} ${user.lastName}` }) },
          });
        }}
      />
    </>
  );
}
