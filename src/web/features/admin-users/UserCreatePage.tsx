import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UserCreateBody } from '../../../shared/api.ts';
import { accountKeys, createUser } from '../../api/accounts.ts';
import { useDomains } from '../../api/domains.ts';
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
        schema={UserCreateBody}
        onSubmit={async (values) => {
          const user = await createUser(values);
          await queryClient.invalidateQueries({ queryKey: accountKeys.users });
          navigate(`/admin/utilisateurs/${user.id}`, {
            state: { flash: t('ui.users.created', { name: `${user.firstName} ${user.lastName}` }) },
          });
        }}
      />
    </>
  );
}
