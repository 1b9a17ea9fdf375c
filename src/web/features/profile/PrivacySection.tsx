/**
 * « Mes données personnelles » on the profile page: download one's data, ask for one's account to be
 * deleted (a reason and a confirmation, in a dialog), see where the request stands and withdraw it.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useIsModalOpen } from '@codegouvfr/react-dsfr/Modal/useIsModalOpen.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { ErasureRequestBody } from '../../../shared/privacy.ts';
import {
  type MyErasureRequest,
  personalDataUrl,
  privacyKeys,
  requestErasure,
  useMyErasureRequest,
  withdrawErasure,
} from '../../api/privacy.ts';
import { ConfirmModal, FormModal } from '../../components/dialogs.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import { fieldId, invalidProps } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const requestModal = createModal({ id: 'modale-demande-suppression', isOpenedByDefault: false });
const withdrawModal = createModal({ id: 'modale-retrait-suppression', isOpenedByDefault: false });

export function PrivacySection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useMyErasureRequest();
  const [flash, setFlash] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [withdrawing, setWithdrawing] = useState(false);

  async function withdraw() {
    setWithdrawing(true);
    setError(undefined);
    try {
      await withdrawErasure();
      await queryClient.invalidateQueries({ queryKey: privacyKeys.mine });
      setFlash(t('ui.privacy.erasure.withdrawn'));
    } catch (e) {
      setError(e);
    } finally {
      setWithdrawing(false);
    }
  }

  return (
    <section aria-labelledby="profil-donnees">
      <h2 id="profil-donnees">{t('ui.privacy.title')}</h2>
      <p>{t('ui.privacy.intro')}</p>

      <h3>{t('ui.privacy.export.title')}</h3>
      <p>{t('ui.privacy.export.text')}</p>
      <p>
        <a
          className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
          href={personalDataUrl}
          download
        >
          {t('ui.privacy.export.download')}
          <span className="fr-sr-only"> ({t('ui.privacy.export.downloadDetail')})</span>
        </a>
      </p>

      <h3 className="fr-mt-4w">{t('ui.privacy.erasure.title')}</h3>
      {flash ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ProblemAlert error={mine.error} />
      ) : mine.data?.status === 'pending' ? (
        <>
          <Alert
            className="fr-mb-3w"
            severity="info"
            as="h4"
            title={t('ui.privacy.erasure.pendingTitle')}
            description={t('ui.privacy.erasure.pending', { date: formatDate(mine.data.requestedAt) })}
          />
          <Button
            priority="secondary"
            iconId="fr-icon-arrow-go-back-line"
            disabled={withdrawing}
            onClick={() => {
              setFlash(undefined);
              withdrawModal.open();
            }}
          >
            {t('ui.privacy.erasure.withdraw')}
          </Button>
        </>
      ) : (
        <>
          {mine.data?.status === 'refused' ? <RefusedNotice request={mine.data} /> : null}
          <p>{t('ui.privacy.erasure.text')}</p>
          <Button
            priority="secondary"
            iconId="fr-icon-delete-line"
            onClick={() => {
              setFlash(undefined);
              requestModal.open();
            }}
          >
            {t('ui.privacy.erasure.request')}
          </Button>
        </>
      )}
      <RequestModal onSent={() => setFlash(t('ui.privacy.erasure.sent'))} />
      <ConfirmModal
        modal={withdrawModal}
        title={t('ui.privacy.erasure.withdrawTitle')}
        confirmLabel={t('ui.privacy.erasure.withdraw')}
        confirmIcon="fr-icon-arrow-go-back-line"
        onConfirm={() => void withdraw()}
      >
        <p>{t('ui.privacy.erasure.withdrawText')}</p>
      </ConfirmModal>
    </section>
  );
}

function RefusedNotice({ request }: { request: MyErasureRequest }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="fr-mb-3w"
      severity="warning"
      as="h4"
      title={t('ui.privacy.erasure.refusedTitle')}
      description={t('ui.privacy.erasure.refused', {
        date: formatDate(request.requestedAt),
        decidedAt: request.decidedAt ? formatDate(request.decidedAt) : '',
        reason: request.refusalReason ?? '',
      })}
    />
  );
}

/** The request's dialog: why, and the box that says one understood; empty again each time it opens. */
function RequestModal({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = 'demande-suppression';
  const [generation, setGeneration] = useState(0);
  useIsModalOpen(requestModal, { onDisclose: () => setGeneration((n) => n + 1) });
  const labels = { reason: t('ui.privacy.erasure.reason'), confirmed: t('ui.privacy.erasure.confirmation') };
  const { errors, message, pending, submit } = useFormSubmission(
    ErasureRequestBody,
    async (body) => {
      await requestErasure(body);
      requestModal.close();
      await queryClient.invalidateQueries({ queryKey: privacyKeys.mine });
      onSent();
    },
    {
      // An unticked box is not "invalid": it is the confirmation still to give.
      check: (values, found) =>
        values.confirmed === true ? found : { ...found, confirmed: t('ui.privacy.erasure.confirmRequired') },
    },
  );
  return (
    <FormModal
      modal={requestModal}
      form={form}
      title={t('ui.privacy.erasure.modalTitle')}
      intro={t('ui.privacy.erasure.modalIntro')}
      submitLabel={t('ui.privacy.erasure.submit')}
      submitIcon="fr-icon-delete-line"
      pending={pending}
      errors={errors}
      labels={labels}
      message={message}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void submit({ reason: String(data.get('reason') ?? '').trim(), confirmed: data.has('confirmed') });
      }}
    >
      <div key={generation}>
        <TextAreaField
          form={form}
          name="reason"
          errors={errors}
          label={labels.reason}
          hint={t('ui.privacy.erasure.reasonHint')}
          required
          maxLength={1000}
          rows={3}
        />
        {/* The box's group is what the error summary focuses (the DSFR names the box's id itself). */}
        <div id={fieldId(form, 'confirmed')} tabIndex={-1}>
          <Checkbox
            state={errors.confirmed ? 'error' : 'default'}
            stateRelatedMessage={errors.confirmed}
            options={[
              {
                label: t('ui.privacy.erasure.confirmed'),
                nativeInputProps: { name: 'confirmed', required: true, ...invalidProps(errors, 'confirmed') },
              },
            ]}
          />
        </div>
      </div>
    </FormModal>
  );
}
