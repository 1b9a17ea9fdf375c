import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { isOneOf, keyIn } from '../../../shared/i18n/keys.ts';
import { useUser } from '../../api/accounts.ts';
import { type AuditEvent, useAudit } from '../../api/audit.ts';
import { useDomains } from '../../api/domains.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ListPages, pageLinks, SearchCell, SearchForm } from '../../components/lists.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const PAGE_SIZE = 50;
const ALL = 'tous';

/** The actions the server records; each has a label under `ui.audit.actions`. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_refused_suspended',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'user.profile_updated',
  'user.suspended',
  'user.reactivated',
  'user.deleted',
  'role.assigned',
  'role.removed',
  'domain.created',
  'domain.updated',
] as const;

const OBJECT_TYPES = ['user', 'domain'] as const;

/** The French label of an action; an action unknown to this version of the app shows its code. */
export function actionLabel(t: TFunction, code: string): string {
  return isOneOf(AUDIT_ACTIONS, code) ? t(keyIn('ui.audit.actions', code)) : code;
}

/** What an event acted on: its name when it still exists, else its kind. */
function objectLabel(t: TFunction, event: AuditEvent): string {
  if (event.objectLabel) return event.objectLabel;
  if (!event.objectType) return t('ui.common.none');
  return isOneOf(OBJECT_TYPES, event.objectType)
    ? t(keyIn('ui.audit.objectTypes', event.objectType))
    : event.objectType;
}

/** The details of an event, one readable line per known key ("Rôle : Formateur"). */
function detailLines(t: TFunction, event: AuditEvent): string[] {
  // A value the app has no label for (a role added since) shows as recorded.
  const label = (key: string, fallback: string) => t(key, { defaultValue: fallback });
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return Object.entries(event.details ?? {}).map(([key, value]) => {
    switch (key) {
      case 'role':
        return t('ui.audit.details.role', { value: label(`ui.roles.${text(value)}`, text(value)) });
      case 'kind':
        return t('ui.audit.details.kind', { value: label(`ui.domainKinds.${text(value)}`, text(value)) });
      case 'fields': {
        const fields = Array.isArray(value) ? value.map(text) : [text(value)];
        return t('ui.audit.details.fields', {
          value: fields.map((f) => label(`ui.users.fields.${f}`, f)).join(', '),
        });
      }
      case 'email':
      case 'slug':
      case 'name':
        return t(`ui.audit.details.${key}`, { value: text(value) });
      default:
        return t('ui.audit.details.other', { key, value: text(value) });
    }
  });
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canViewUser = useCan('user:view');
  const canManageUser = useCan('user:manage');
  const canViewUsers = canViewUser || canManageUser;
  const [params, setParams] = useSearchParams();
  const [workingDomain] = useWorkingDomain();
  const domains = useDomains().data ?? me.domains;
  const action = params.get('action') ?? '';
  const actorId = params.get('acteur') ?? '';
  const domainParam = params.get('domaine') ?? workingDomain ?? ALL;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useAudit({
    action: action || undefined,
    actorId: actorId || undefined,
    domainId: domainParam === ALL ? undefined : domainParam,
    page,
    pageSize: PAGE_SIZE,
  });
  // The name of the person the log is filtered on: from their events, else from their account.
  const actorUser = useUser(actorId, Boolean(actorId) && canViewUsers);
  const actorName =
    query.data?.items.find((e) => e.actorId === actorId)?.actorName ??
    (actorUser.data ? `${actorUser.data.firstName} ${actorUser.data.lastName}` : t('ui.audit.actorUnknown'));

  function onFilter(data: FormData) {
    const next = new URLSearchParams();
    const value = String(data.get('action') ?? '');
    if (value) next.set('action', value);
    if (actorId) next.set('acteur', actorId);
    next.set('domaine', String(data.get('domainId') ?? ALL));
    setParams(next);
  }

  function clearActor() {
    const next = new URLSearchParams(params);
    next.delete('acteur');
    next.delete('page');
    setParams(next);
  }

  return (
    <>
      <PageHeading title={t('ui.audit.title')} crumbs={[]}>
        <p>{t('ui.audit.intro')}</p>
      </PageHeading>
      <SearchForm
        legend={t('ui.audit.filtersLegend')}
        formKey={params.toString()}
        submitLabel={t('ui.audit.filter')}
        submitIcon="fr-icon-filter-line"
        buttonWidth={2}
        onSearch={onFilter}
      >
        <SearchCell width={5}>
          <Select label={t('ui.audit.action')} nativeSelectProps={{ name: 'action', defaultValue: action }}>
            <option value="">{t('ui.audit.allActions')}</option>
            {(AUDIT_ACTIONS as readonly string[]).includes(action) || !action ? null : (
              <option value={action}>{action}</option>
            )}
            {AUDIT_ACTIONS.map((code) => (
              <option key={code} value={code}>
                {actionLabel(t, code)}
              </option>
            ))}
          </Select>
        </SearchCell>
        <SearchCell width={5}>
          <Select
            label={t('ui.audit.domain')}
            nativeSelectProps={{ name: 'domainId', defaultValue: domainParam }}
          >
            <option value={ALL}>{t('ui.common.allDomains')}</option>
            <DomainOptions domains={domains} />
          </Select>
        </SearchCell>
      </SearchForm>
      {actorId ? (
        <p className="mg-actions mg-align-center fr-mb-3w">
          <span>{t('ui.audit.actorFilter', { name: actorName })}</span>
          <Button size="small" priority="tertiary" iconId="fr-icon-close-line" onClick={clearActor}>
            {t('ui.audit.clearActor')}
          </Button>
        </p>
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState message={t('ui.audit.empty')} next={t('ui.audit.emptyNext')} />
      ) : (
        <>
          <Table
            caption={`${t('ui.audit.caption')} (${t('ui.common.resultCount', { count: query.data.total })})`}
            headers={[
              t('ui.audit.colAt'),
              t('ui.audit.colActor'),
              t('ui.audit.colAction'),
              t('ui.audit.colObject'),
              t('ui.audit.colIp'),
              t('ui.audit.colDetails'),
            ]}
            data={query.data.items.map((event) => [
              formatDateTime(event.at),
              event.actorName ?? t('ui.audit.system'),
              actionLabel(t, event.action),
              objectLabel(t, event),
              event.ip ?? t('ui.common.none'),
              <DetailsCell key="details" lines={detailLines(t, event)} />,
            ])}
          />
          <ListPages total={query.data.total} perPage={PAGE_SIZE} page={page} link={pageLinks(params)} />
        </>
      )}
    </>
  );
}

function DetailsCell({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <>{t('ui.common.none')}</>;
  return (
    <span className="fr-text--sm">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of lines
        <span key={i} className="mg-block">
          {line}
        </span>
      ))}
    </span>
  );
}
