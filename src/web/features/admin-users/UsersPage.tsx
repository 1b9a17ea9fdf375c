import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { type UserStatus, useUsers } from '../../api/accounts.ts';
import { useDomains } from '../../api/domains.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ListPages, pageLinks, SearchCell, SearchForm } from '../../components/lists.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const PAGE_SIZE = 20;
const ALL = 'tous';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = useCan('user:manage');
  const [params, setParams] = useSearchParams();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const domains = useDomains().data ?? me.domains;

  const q = params.get('q') ?? '';
  // Every domain the person may see, unless they pick one: a search must not miss people silently.
  const domainParam = params.get('domaine') ?? ALL;
  const statusParam = params.get('statut');
  const status: UserStatus | undefined =
    statusParam === 'active' || statusParam === 'suspended' ? statusParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const query = useUsers({
    q: q || undefined,
    domainId: domainParam === ALL ? undefined : domainParam,
    status,
    page,
    pageSize: PAGE_SIZE,
  });

  const domainName = (id: string) => domains.find((d) => d.id === id)?.name ?? t('ui.common.none');

  function onSearch(data: FormData) {
    const next = new URLSearchParams();
    const nextQ = String(data.get('q') ?? '').trim();
    if (nextQ) next.set('q', nextQ);
    next.set('domaine', String(data.get('domaine') ?? ALL));
    const nextStatus = String(data.get('statut') ?? '');
    if (nextStatus) next.set('statut', nextStatus);
    setParams(next);
  }

  return (
    <>
      <PageHeading title={t('ui.users.title')} crumbs={[]}>
        <p>{t('ui.users.intro')}</p>
      </PageHeading>
      {flash ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
      ) : null}
      {canManage ? (
        <Button
          className="fr-mb-4w"
          iconId="fr-icon-user-add-line"
          linkProps={{ to: '/admin/utilisateurs/nouveau' }}
        >
          {t('ui.users.create')}
        </Button>
      ) : null}
      <SearchForm
        legend={t('ui.users.searchLegend')}
        formKey={params.toString()}
        submitLabel={t('ui.common.search')}
        submitIcon="fr-icon-search-line"
        buttonWidth={2}
        onSearch={onSearch}
      >
        <SearchCell width={5}>
          <Input
            label={t('ui.users.q')}
            hintText={t('ui.users.qHint')}
            nativeInputProps={{ name: 'q', type: 'search', defaultValue: q }}
          />
        </SearchCell>
        <SearchCell width={3}>
          <Select
            label={t('ui.users.domain')}
            nativeSelectProps={{ name: 'domaine', defaultValue: domainParam }}
          >
            <option value={ALL}>{t('ui.common.allDomains')}</option>
            <DomainOptions domains={domains} />
          </Select>
        </SearchCell>
        <SearchCell width={2}>
          <Select
            label={t('ui.users.status')}
            nativeSelectProps={{ name: 'statut', defaultValue: status ?? '' }}
          >
            <option value="">{t('ui.users.allStatuses')}</option>
            <option value="active">{t('ui.userStatus.active')}</option>
            <option value="suspended">{t('ui.userStatus.suspended')}</option>
          </Select>
        </SearchCell>
      </SearchForm>
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState
          message={t('ui.users.empty')}
          next={canManage ? t('ui.users.emptyNextManage') : t('ui.users.emptyNext')}
        />
      ) : (
        <>
          <Table
            caption={`${t('ui.users.caption')} (${t('ui.common.resultCount', { count: query.data.total })})`}
            headers={[
              t('ui.users.colName'),
              t('ui.users.colEmail'),
              t('ui.users.colDomain'),
              t('ui.users.colStatus'),
              t('ui.users.colLastLogin'),
            ]}
            data={query.data.items.map((user) => [
              <Link key="name" to={`/admin/utilisateurs/${user.id}`}>
                {user.lastName} {user.firstName}
              </Link>,
              user.email,
              domainName(user.homeDomainId),
              <Badge key="status" small noIcon severity={user.status === 'active' ? 'success' : 'warning'}>
                {t(`ui.userStatus.${user.status}`)}
              </Badge>,
              user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('ui.common.never'),
            ])}
          />
          <ListPages total={query.data.total} perPage={PAGE_SIZE} page={page} link={pageLinks(params)} />
        </>
      )}
    </>
  );
}
