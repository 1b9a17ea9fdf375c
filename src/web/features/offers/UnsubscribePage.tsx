/**
 * `/offres/desabonnement#jeton=…`: the link of the weekly mail. Works without login: one button, then a
 * confirmation. The token travels in the fragment so that it never reaches a server log.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unsubscribeOffers } from '../../api/offers.ts';
import { DoneNotice, forgetLinkToken, NarrowPage, readLinkToken } from '../../components/NarrowPage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

export function UnsubscribePage() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [token] = useState(readLinkToken);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [message, setMessage] = useState<string>();

  async function unsubscribe() {
    setPending(true);
    setMessage(undefined);
    try {
      await unsubscribeOffers(token ?? '');
      forgetLinkToken();
      setDone(true);
    } catch (error) {
      setMessage(problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  const links = (
    <ul className="fr-btns-group fr-btns-group--inline-md">
      <li>
        <Link className="fr-btn fr-btn--secondary" to="/offres">
          {t('offers.alerts.catalogue')}
        </Link>
      </li>
      <li>
        <Link className="fr-btn fr-btn--tertiary" to="/offres/alertes">
          {t('offers.alerts.unsubscribePage.manage')}
        </Link>
      </li>
    </ul>
  );

  return (
    <NarrowPage>
      <PageHeading
        title={t('offers.alerts.unsubscribePage.title')}
        crumbs={[{ label: t('offers.title'), to: '/offres' }]}
      />
      {done ? (
        <DoneNotice
          title={t('offers.alerts.unsubscribePage.doneTitle')}
          text={t('offers.alerts.unsubscribePage.done')}
        >
          {links}
        </DoneNotice>
      ) : !token ? (
        <>
          <Alert
            className="fr-mb-3w"
            severity="error"
            small
            description={t('offers.alerts.unsubscribePage.missingToken')}
          />
          {links}
        </>
      ) : (
        <>
          {message ? null : <p>{t('offers.alerts.unsubscribePage.intro')}</p>}
          {message ? (
            <Alert className="fr-mb-3w" severity="error" small role="alert" description={message} />
          ) : null}
          {message ? (
            links
          ) : (
            <Button onClick={() => void unsubscribe()} disabled={pending}>
              {t('offers.alerts.unsubscribePage.submit')}
            </Button>
          )}
        </>
      )}
    </NarrowPage>
  );
}
