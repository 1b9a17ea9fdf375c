/**
 * `/offres/alertes`: "Prévenez-moi des nouvelles offres" — the publics and keywords whose new training
 * offers the person receives each Monday by mail, and the way out.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { PUBLICS } from '../../../shared/lifecycle.ts';
import { SubscriptionBody } from '../../../shared/offers.ts';
import {
  deleteOfferSubscription,
  type OfferSubscription,
  offerKeys,
  saveOfferSubscription,
  useOfferSubscription,
} from '../../api/offers.ts';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, type FieldErrors } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { PublicsField } from '../workflow/PublicsField.tsx';

const FORM = 'alertes';

export function AlertsPage() {
  const { t } = useTranslation();
  const query = useOfferSubscription();
  return (
    <>
      <PageHeading title={t('offers.alerts.title')} crumbs={[{ label: t('offers.title'), to: '/offres' }]}>
        <p>{t('offers.alerts.intro')}</p>
      </PageHeading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : (
        <AlertsForm subscription={query.data} />
      )}
    </>
  );
}

/** The keywords field's text as a list: commas or semicolons separate them. */
const splitKeywords = (text: string) =>
  text
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter(Boolean);

function AlertsForm({ subscription }: { subscription: OfferSubscription | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Controlled fields: a refetch after saving must not reset what is shown.
  const [publics, setPublics] = useState<Set<string>>(() => new Set(subscription?.publics ?? []));
  const [keywords, setKeywords] = useState(() => subscription?.keywords.join(', ') ?? '');
  const [done, setDone] = useState<'saved' | 'unsubscribed' | null>(null);
  const labels = { publics: t('offers.alerts.publics'), keywords: t('offers.alerts.keywords') };

  /** Shows the subscription as saved (or gone), and says so. */
  function show(next: OfferSubscription | null, outcome: 'saved' | 'unsubscribed') {
    queryClient.setQueryData(offerKeys.subscription, next);
    if (!next) {
      setPublics(new Set());
      setKeywords('');
    } else setKeywords(next.keywords.join(', '));
    setDone(outcome);
  }

  const { errors, message, pending, submit, run } = useFormSubmission(
    SubscriptionBody,
    async (body) => show(await saveOfferSubscription(body), 'saved'),
    {
      // Said in the form's own words: which keyword is wrong is the field's, anything else the publics'.
      check: (_, found) => {
        const next: FieldErrors = {};
        for (const key of Object.keys(found)) {
          if (key.startsWith('keywords')) next.keywords ??= t('offers.alerts.keywordsInvalid');
          else next.publics ??= t('offers.alerts.errors.emptySubscription');
        }
        return next;
      },
    },
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    void submit({ publics: PUBLICS.filter((p) => publics.has(p)), keywords: splitKeywords(keywords) });
  }

  function unsubscribe() {
    setDone(null);
    void run(async () => {
      await deleteOfferSubscription();
      show(null, 'unsubscribed');
    });
  }

  return (
    <>
      {done ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          closable
          onClose={() => setDone(null)}
          description={t(done === 'saved' ? 'offers.alerts.saved' : 'offers.alerts.unsubscribed')}
        />
      ) : null}
      <p className="fr-text--sm">
        {subscription
          ? t('offers.alerts.subscribedSince', { date: formatDate(subscription.createdAt) })
          : t('offers.alerts.none')}
      </p>
      <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} />
      <form noValidate onSubmit={onSubmit}>
        <PublicsField
          form={FORM}
          errors={errors}
          legend={labels.publics}
          hint={t('offers.alerts.publicsHint')}
          checked={{
            now: publics,
            onToggle: (p, on) =>
              setPublics((current) => {
                const next = new Set(current);
                if (on) next.add(p);
                else next.delete(p);
                return next;
              }),
          }}
        />
        <TextField
          form={FORM}
          name="keywords"
          errors={errors}
          label={labels.keywords}
          hint={t('offers.alerts.keywordsHint')}
          value={keywords}
          onChange={(event) => setKeywords(event.target.value)}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" disabled={pending}>
              {t('offers.alerts.submit')}
            </Button>
          </li>
          {subscription ? (
            <li>
              <Button type="button" priority="secondary" disabled={pending} onClick={unsubscribe}>
                {t('offers.alerts.unsubscribe')}
              </Button>
            </li>
          ) : null}
        </ul>
      </form>
      <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/offres">
        {t('offers.alerts.catalogue')}
      </Link>
    </>
  );
}
