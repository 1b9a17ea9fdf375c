import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAudit, useDomains } from '../../api/queries.ts';
import type { AuditEvent } from '../../api/types.ts';
import { useMe } from '../../app/auth.tsx';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../format.ts';

const PAGE_SIZE = 50;
const ALL = 'tous';

function details(event: AuditEvent): string {
  const entries = Object.entries(event.details ?? {});
  return entries.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
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
  const pageCount = query.data ? Math.max(1, Math.ceil(query.data.total / PAGE_SIZE)) : 1;

  function onFilter(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [field, param] of [
      ['action', 'action'],
      ['actorId', 'acteur'],
    ] as const) {
      const value = String(data.get(field) ?? '').trim();
      if (value) next.set(param, value);
    }
    next.set('domaine', String(data.get('domainId') ?? ALL));
    setParams(next);
  }

  return (
    <>
      <PageHeading title={t('ui.audit.title')} crumbs={[]}>
        <p>{t('ui.audit.intro')}</p>
      </PageHeading>
      <search>
        <form onSubmit={onFilter} className="fr-mb-4w" key={params.toString()}>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend fr-fieldset__legend--regular">
              {t('ui.audit.filtersLegend')}
            </legend>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
              <Input
                label={t('ui.audit.action')}
                hintText={t('ui.audit.actionHint')}
                nativeInputProps={{ name: 'action', defaultValue: action, spellCheck: false }}
              />
            </div>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
              <Input
                label={t('ui.audit.actor')}
                nativeInputProps={{ name: 'actorId', defaultValue: actorId, spellCheck: false }}
              />
            </div>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
              <Select
                label={t('ui.audit.domain')}
                nativeSelectProps={{ name: 'domainId', defaultValue: domainParam }}
              >
                <option value={ALL}>{t('ui.common.allDomains')}</option>
                {domains.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-2 mg-align-end">
              <Button type="submit" iconId="fr-icon-filter-line">
                {t('ui.audit.filter')}
              </Button>
            </div>
          </fieldset>
        </form>
      </search>
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
              <code key="action">{event.action}</code>,
              event.objectType
                ? `${event.objectType}${event.objectId ? ` ${event.objectId}` : ''}`
                : t('ui.common.none'),
              event.ip ?? t('ui.common.none'),
              <span key="details" className="fr-text--xs">
                {details(event) || t('ui.common.none')}
              </span>,
            ])}
          />
          {pageCount > 1 ? (
            <Pagination
              count={pageCount}
              defaultPage={page}
              showFirstLast
              getPageLinkProps={(n) => {
                const next = new URLSearchParams(params);
                next.set('page', String(n));
                return { to: `?${next.toString()}` };
              }}
            />
          ) : null}
        </>
      )}
    </>
  );
}
