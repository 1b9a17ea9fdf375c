/**
 * `/admin/demandes-de-suppression`: the account deletion requests of the people of one's domains — pending
 * ones first by default — to approve (the account is erased, for good) or refuse with a reason.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { ErasureRefuseBody, ErasureStatus } from '../../../shared/privacy.ts';
import {
  approveErasure,
  type ErasureRequest,
  privacyKeys,
  refuseErasure,
  useErasureRequests,
} from '../../api/privacy.ts';
import { ConfirmModal, FormModal } from '../../components/dialogs.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ListPages, pageLinks, SearchCell, SearchForm } from '../../components/lists.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const PAGE_SIZE = 20;
const ALL = 'toutes';
const approveModal = createModal({ id: 'modale-accepter-suppression', isOpenedByDefault: false });
const refuseModal = createModal({ id: 'modale-refuser-suppression', isOpenedByDefault: false });

const nameOf = (r: ErasureRequest) => `${r.firstName} ${r.lastName}`;

/** What became of a request: its state, and when and by whom it was decided. */
function decision(t: TFunction, r: ErasureRequest): string {
  const status = t(`ui.privacy.admin.statuses.${r.status}`);
  if (!r.decidedAt) return status;
  const date = formatDate(r.decidedAt);
  return r.decidedByName
    ? t('ui.privacy.admin.decidedBy', { status, date, name: r.decidedByName })
    : t('ui.privacy.admin.decided', { status, date });
}

export function ErasureRequestsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('etat') ?? 'pending';
  const status = ErasureStatus.safeParse(statusParam).data;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useErasureRequests({ status, page, pageSize: PAGE_SIZE });
  const [target, setTarget] = useState<ErasureRequest>();
  const [flash, setFlash] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [approving, setApproving] = useState(false);

  function onFilter(data: FormData) {
    setParams(new URLSearchParams({ etat: String(data.get('etat') ?? 'pending') }));
  }

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: privacyKeys.requests });
  }

  async function approve() {
    const request = target;
    if (!request) return;
    setApproving(true);
    setError(undefined);
    try {
      await approveErasure(request.id);
      setFlash(t('ui.privacy.admin.approved', { name: nameOf(request) }));
    } catch (e) {
      setError(e);
    } finally {
      setApproving(false);
      await refresh();
    }
  }

  const open = (request: ErasureRequest, modal: typeof approveModal) => {
    setTarget(request);
    setFlash(undefined);
    setError(undefined);
    modal.open();
  };

  return (
    <>
      <PageHeading title={t('ui.privacy.admin.title')} crumbs={[]}>
        <p>{t('ui.privacy.admin.intro')}</p>
      </PageHeading>
      <SearchForm
        legend={t('ui.privacy.admin.filtersLegend')}
        formKey={params.toString()}
        submitLabel={t('ui.privacy.admin.filter')}
        submitIcon="fr-icon-filter-line"
        buttonWidth={3}
        onSearch={onFilter}
      >
        <SearchCell width={5}>
          <Select
            label={t('ui.privacy.admin.status')}
            nativeSelectProps={{ name: 'etat', defaultValue: status ?? ALL }}
          >
            {ErasureStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`ui.privacy.admin.statuses.${s}`)}
              </option>
            ))}
            <option value={ALL}>{t('ui.privacy.admin.allStatuses')}</option>
          </Select>
        </SearchCell>
      </SearchForm>
      {flash ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState message={t('ui.privacy.admin.empty')} next={t('ui.privacy.admin.emptyNext')} />
      ) : (
        <>
          <Table
            caption={`${t('ui.privacy.admin.caption')} (${t('ui.common.resultCount', { count: query.data.total })})`}
            headers={[
              t('ui.privacy.admin.colPerson'),
              t('ui.privacy.admin.colDomain'),
              t('ui.privacy.admin.colRequestedAt'),
              t('ui.privacy.admin.colReason'),
              t('ui.privacy.admin.colStatus'),
              t('ui.common.actions'),
            ]}
            data={query.data.items.map((r) => [
              <span key="person">
                {/* An erased account has no address left, and reads "Utilisateur supprimé". */}
                <span className="mg-block">{r.email ? `${r.lastName} ${r.firstName}` : nameOf(r)}</span>
                {r.email ? <span className="mg-block mg-break fr-text--sm fr-mb-0">{r.email}</span> : null}
              </span>,
              r.domainName,
              formatDate(r.requestedAt),
              r.reason ?? <em key="erased">{t('ui.privacy.admin.reasonErased')}</em>,
              <span key="status">
                <span className="mg-block">{decision(t, r)}</span>
                {r.refusalReason ? (
                  <span className="mg-block fr-text--sm fr-mb-0">{r.refusalReason}</span>
                ) : null}
              </span>,
              r.status === 'pending' ? (
                <span key="actions" className="mg-actions">
                  <Button
                    size="small"
                    iconId="fr-icon-check-line"
                    onClick={() => open(r, approveModal)}
                    nativeButtonProps={{
                      'aria-label': t('ui.privacy.admin.approveLabel', { name: nameOf(r) }),
                    }}
                  >
                    {t('ui.privacy.admin.approve')}
                  </Button>
                  <Button
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-close-line"
                    onClick={() => open(r, refuseModal)}
                    nativeButtonProps={{
                      'aria-label': t('ui.privacy.admin.refuseLabel', { name: nameOf(r) }),
                    }}
                  >
                    {t('ui.privacy.admin.refuse')}
                  </Button>
                </span>
              ) : (
                t('ui.common.none')
              ),
            ])}
          />
          <ListPages total={query.data.total} perPage={PAGE_SIZE} page={page} link={pageLinks(params)} />
        </>
      )}
      <ConfirmModal
        modal={approveModal}
        title={t('ui.privacy.admin.approveTitle', { name: target ? nameOf(target) : '' })}
        confirmLabel={t('ui.privacy.admin.approveConfirm')}
        confirmIcon="fr-icon-delete-line"
        pending={approving}
        onConfirm={() => void approve()}
      >
        <p>
          {target
            ? t('ui.privacy.admin.approveText', { name: nameOf(target), email: target.email ?? '' })
            : null}
        </p>
      </ConfirmModal>
      <RefuseModal
        target={target}
        onDone={async (request) => {
          setFlash(t('ui.privacy.admin.refused', { name: nameOf(request) }));
          await refresh();
        }}
      />
    </>
  );
}

function RefuseModal({
  target,
  onDone,
}: {
  target: ErasureRequest | undefined;
  onDone: (request: ErasureRequest) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = 'refuser-suppression';
  const [generation, setGeneration] = useState(0);
  useIsModalOpen(refuseModal, { onDisclose: () => setGeneration((n) => n + 1) });
  const labels = { reason: t('ui.privacy.admin.refuseReason') };
  const { errors, message, pending, onSubmit } = useFormSubmission(ErasureRefuseBody, async (body) => {
    if (!target) return;
    await refuseErasure(target.id, body);
    refuseModal.close();
    await onDone(target);
  });
  return (
    <FormModal
      modal={refuseModal}
      form={form}
      title={t('ui.privacy.admin.refuseTitle', { name: target ? nameOf(target) : '' })}
      intro={t('ui.privacy.admin.refuseIntro')}
      submitLabel={t('ui.privacy.admin.refuseSubmit')}
      submitIcon="fr-icon-close-line"
      pending={pending}
      errors={errors}
      labels={labels}
      message={message}
      onSubmit={onSubmit}
    >
      <TextAreaField
        key={generation}
        form={form}
        name="reason"
        errors={errors}
        label={labels.reason}
        required
        maxLength={1000}
        rows={3}
      />
    </FormModal>
  );
}
