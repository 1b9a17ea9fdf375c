import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { accountKeys, deleteUser, setUserStatus, type User } from '../../api/accounts.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const deleteModal = createModal({ id: 'modale-suppression-utilisateur', isOpenedByDefault: false });

/** Suspend or reactivate an account, or delete it after a confirmation. */
export function AccountActions({
  user,
  isSelf,
  onUpdated,
  onFlash,
}: {
  user: User;
  isSelf: boolean;
  onUpdated: (user: User) => void;
  onFlash: (message: string) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const name = `${user.firstName} ${user.lastName}`;

  async function run(action: 'suspend' | 'reactivate') {
    setPending(true);
    setError(undefined);
    try {
      const next = await setUserStatus(user.id, action);
      onUpdated(next);
      onFlash(t(action === 'suspend' ? 'ui.users.detail.suspended' : 'ui.users.detail.reactivated'));
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  async function remove() {
    setPending(true);
    setError(undefined);
    try {
      await deleteUser(user.id);
      queryClient.removeQueries({ queryKey: accountKeys.user(user.id) });
      await queryClient.invalidateQueries({ queryKey: accountKeys.users });
      navigate('/admin/utilisateurs', { state: { flash: t('ui.users.detail.deleted') } });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <p className="fr-text--sm">
        {user.status === 'active' ? t('ui.users.detail.suspendHelp') : null} {t('ui.users.detail.deleteHelp')}
      </p>
      <div className="mg-actions">
        {user.status === 'active' ? (
          <Button
            priority="secondary"
            iconId="fr-icon-lock-line"
            disabled={pending || isSelf}
            onClick={() => run('suspend')}
          >
            {t('ui.users.detail.suspend')}
          </Button>
        ) : (
          <Button
            priority="secondary"
            iconId="fr-icon-lock-unlock-line"
            disabled={pending}
            onClick={() => run('reactivate')}
          >
            {t('ui.users.detail.reactivate')}
          </Button>
        )}
        <Button
          priority="tertiary"
          iconId="fr-icon-delete-line"
          disabled={pending || isSelf}
          nativeButtonProps={deleteModal.buttonProps}
        >
          {t('ui.users.detail.delete')}
        </Button>
      </div>
      <ConfirmModal
        modal={deleteModal}
        title={t('ui.users.detail.deleteModalTitle', { name })}
        confirmLabel={t('ui.users.detail.deleteConfirm')}
        confirmIcon="fr-icon-delete-line"
        onConfirm={remove}
      >
        {t('ui.users.detail.deleteModalText')}
      </ConfirmModal>
    </>
  );
}
