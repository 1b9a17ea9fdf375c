/** Quick-access items of the header: the working-domain switcher and the account menu. */
import { fr } from '@codegouvfr/react-dsfr/fr/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { UNREAD_CHANGED } from '../../shared/messaging-events.ts';
import { messagingKeys, useUnread } from '../api/messaging.ts';
import { useChannel } from '../api/realtime.ts';
import { SIGNED_OUT_STATE, useLogout, useMe } from './auth.tsx';
import { useWorkingDomain } from './domainChoice.ts';
import { useDisclosure } from './useDisclosure.ts';

/** `id` is given by the DSFR Header, which renders quick-access items twice (desktop and mobile menu). */
export function DomainSwitcher({ id }: { id?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [domainId, setDomainId] = useWorkingDomain();
  const fallback = useId();
  const selectId = `${id ?? fallback}-select`;
  return (
    <div className="mg-domain-switcher">
      <label className={fr.cx('fr-label', 'fr-text--sm', 'fr-mb-0')} htmlFor={selectId}>
        {t('ui.header.domainSwitcher')}
      </label>
      <select
        id={selectId}
        className={fr.cx('fr-select')}
        value={domainId ?? ''}
        onChange={(event) => setDomainId(event.target.value)}
      >
        {me.domains.map((domain) => (
          <option key={domain.id} value={domain.id}>
            {domain.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A disclosure button with the person's name, opening "Mon profil" and "Se déconnecter". */
export function UserMenu({ id }: { id?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { open, setOpen, rootRef, buttonRef } = useDisclosure();
  const fallback = useId();
  const menuId = `${id ?? fallback}-menu`;

  return (
    <div className="mg-user-menu" ref={rootRef}>
      <button
        id={id}
        ref={buttonRef}
        type="button"
        className={fr.cx('fr-btn', 'fr-icon-account-circle-line', 'fr-btn--icon-left')}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        {me.user.firstName} {me.user.lastName}
      </button>
      <div id={menuId} className="mg-user-menu__panel" hidden={!open}>
        <ul className={fr.cx('fr-menu__list')}>
          <li>
            <Link className={fr.cx('fr-nav__link')} to="/profil" onClick={() => setOpen(false)}>
              {t('ui.nav.profile')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className={fr.cx('fr-nav__link')}
              onClick={async () => {
                setOpen(false);
                await logout();
                navigate('/connexion', { replace: true, state: SIGNED_OUT_STATE });
              }}
            >
              {t('ui.header.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** The mail's entry in the header, with the number of unread messages (a counter kept by the server). */
export function MessagingLink() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const unread = useUnread(true).data?.total ?? 0;
  // Live: the server says on my own channel when my unread count moved; the counter and lists are asked again.
  useChannel<{ type?: string }>(`user:${me.user.id}`, ({ data }) => {
    if (data?.type === UNREAD_CHANGED) void queryClient.invalidateQueries({ queryKey: messagingKeys.all });
  });
  return (
    <Link className={fr.cx('fr-btn', 'fr-icon-mail-line')} to="/messagerie" data-testid="messaging-link">
      {unread > 0 ? (
        <>
          <span aria-hidden="true">
            {t('ui.header.messaging')}{' '}
            <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">{unread}</span>
          </span>
          <span className="fr-sr-only">{t('ui.header.messagingUnread', { count: unread })}</span>
        </>
      ) : (
        t('ui.header.messaging')
      )}
    </Link>
  );
}
