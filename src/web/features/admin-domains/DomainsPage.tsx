import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DomainCreateBody, DomainUpdateBody } from '../../../shared/api.ts';
import { formatDate } from '../../../shared/format.ts';
import { accountKeys } from '../../api/accounts.ts';
import { createDomain, type Domain, domainKeys, updateDomain, useDomains } from '../../api/domains.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { DomainForm } from './DomainForm.tsx';

export function DomainsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useDomains();
  const [editing, setEditing] = useState<Domain>();
  const [flash, setFlash] = useState<string>();

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: domainKeys.all });
    await queryClient.invalidateQueries({ queryKey: accountKeys.me });
  };

  return (
    <>
      <PageHeading title={t('ui.domains.title')} crumbs={[]}>
        <p>{t('ui.domains.intro')}</p>
      </PageHeading>
      {flash ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          closable
          onClose={() => setFlash(undefined)}
          description={flash}
        />
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <EmptyState message={t('ui.domains.empty')} />
      ) : (
        <Table
          caption={t('ui.domains.caption')}
          headers={[
            t('ui.domains.colName'),
            t('ui.domains.colSlug'),
            t('ui.domains.colKind'),
            t('ui.domains.colCreated'),
            t('ui.common.actions'),
          ]}
          data={query.data.map((domain) => [
            domain.name,
            <code key="slug">{domain.slug}</code>,
            t(`ui.domainKinds.${domain.kind}`),
            formatDate(domain.createdAt),
            <Button
              key="edit"
              size="small"
              priority="secondary"
              iconId="fr-icon-edit-line"
              onClick={() => {
                setFlash(undefined);
                setEditing(domain);
                requestAnimationFrame(() => document.getElementById('modifier-domaine-name')?.focus());
              }}
              nativeButtonProps={{ 'aria-label': t('ui.domains.renameLabel', { name: domain.name }) }}
            >
              {t('ui.domains.rename')}
            </Button>,
          ])}
        />
      )}
      {editing ? (
        <section aria-labelledby="domaine-modifier" className="fr-mt-4w fr-p-3w mg-panel">
          <h2 id="domaine-modifier">
            {t('ui.domains.renameTitle')} — {editing.name}
          </h2>
          <DomainForm
            key={editing.id}
            form="modifier-domaine"
            domain={editing}
            schema={DomainUpdateBody}
            save={(data) => updateDomain(editing.id, data)}
            submitLabel={t('ui.common.save')}
            onCancel={() => setEditing(undefined)}
            onDone={async () => {
              await refresh();
              setEditing(undefined);
              setFlash(t('ui.domains.renamed'));
            }}
          />
        </section>
      ) : null}
      <section aria-labelledby="domaine-creer" className="fr-mt-6w">
        <h2 id="domaine-creer">{t('ui.domains.createTitle')}</h2>
        <DomainForm
          form="nouveau-domaine"
          schema={DomainCreateBody}
          save={createDomain}
          submitLabel={t('ui.domains.create')}
          onDone={async (domain) => {
            await refresh();
            setFlash(t('ui.domains.created', { name: domain.name }));
          }}
        />
      </section>
    </>
  );
}
