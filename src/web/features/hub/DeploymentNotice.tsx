/**
 * On a deployed copy's life-cycle page: where it comes from and the version it holds; when its origin
 * published newer versions, what changed and "Mettre à jour ma copie" (after a confirmation).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { type Deployment, refreshHub, updateDeployment } from '../../api/hub.ts';
import { useCourseCapabilities } from '../../api/roles.ts';
import { refreshLifecycle } from '../../api/workflow.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const updateModal = createModal({ id: 'modale-mettre-a-jour-copie', isOpenedByDefault: false });

export function DeploymentNotice({
  courseId,
  deployment,
  onDone,
}: {
  courseId: string;
  deployment: Deployment;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const capabilities = useCourseCapabilities(courseId);
  const canUpdate = capabilities.data?.includes('course:update') ?? false;
  const newest = deployment.newer.at(-1);
  const withdrawn = deployment.offer.status === 'withdrawn';

  return (
    <div className="fr-mb-4w">
      <p className="fr-mb-1w">
        <span className="fr-icon-git-branch-line fr-icon--sm fr-mr-1v" aria-hidden="true" />
        {t('hub.deployment.origin', {
          title: deployment.offer.title,
          domain: deployment.offer.domain.name,
          version: deployment.version,
        })}{' '}
        {withdrawn || newest ? null : t('hub.deployment.upToDate')}
      </p>
      <p className="fr-text--sm">
        <Link to={`/offres/${deployment.offer.number}`}>{t('hub.deployment.originLink')}</Link>
      </p>
      {withdrawn ? (
        <Alert severity="warning" small description={t('hub.deployment.withdrawn')} />
      ) : newest ? (
        <Alert
          severity="info"
          title={t('hub.deployment.newTitle', { version: newest.version })}
          as="h2"
          description={
            <>
              <p className="fr-mb-1w">{t('hub.deployment.newIntro', { count: deployment.newer.length })}</p>
              {[...deployment.newer].reverse().map((v) => (
                <div key={v.version} className="fr-mb-2w">
                  <h3 className="fr-text--md fr-text--bold fr-mb-1v">
                    {t('hub.deployment.versionHeading', {
                      version: v.version,
                      date: formatDate(v.publishedAt),
                    })}
                  </h3>
                  <p className="fr-mb-0" style={{ whiteSpace: 'pre-line' }}>
                    {v.releaseNotes || t('hub.deployment.noNotes')}
                  </p>
                </div>
              ))}
              {canUpdate ? (
                <Button iconId="fr-icon-refresh-line" onClick={() => updateModal.open()}>
                  {t('hub.deployment.update')}
                </Button>
              ) : null}
            </>
          }
        />
      ) : null}
      {canUpdate && !withdrawn ? (
        <UpdateModal courseId={courseId} version={newest?.version ?? deployment.version} onDone={onDone} />
      ) : null}
    </div>
  );
}

function UpdateModal({
  courseId,
  version,
  onDone,
}: {
  courseId: string;
  version: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function update() {
    setPending(true);
    setError(undefined);
    try {
      const after = await updateDeployment(courseId);
      // Closed before the refresh, which removes the notice holding the button.
      updateModal.close();
      await Promise.all([refreshHub(queryClient, courseId), refreshLifecycle(queryClient, courseId)]);
      onDone(t('hub.deployment.updated', { version: after.version }));
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <ConfirmModal
      modal={updateModal}
      title={t('hub.deployment.confirmTitle')}
      confirmLabel={t('hub.deployment.confirm')}
      confirmIcon="fr-icon-refresh-line"
      keepOpen
      pending={pending}
      onConfirm={() => void update()}
    >
      {error ? <Alert className="fr-mb-2w" severity="error" small role="alert" description={error} /> : null}
      <p>{t('hub.deployment.confirmText', { version })}</p>
    </ConfirmModal>
  );
}
