/**
 * `/offres/alertes`: "Prévenez-moi des nouvelles offres" — the publics and keywords whose new training
 * offers the person receives each Monday by mail, and the way out.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { PUBLICS } from '../../../shared/lifecycle.ts';
import { type OfferSubscription, SubscriptionBody } from '../../../shared/offers.ts';
import { api } from '../../api/client.ts';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  fieldState,
  invalidProps,
  problemFieldErrors,
} from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';

const FORM = 'alertes';
const PATH = '/api/me/offer-subscription';
const KEY = ['offers', 'subscription'] as const;

export function AlertsPage() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<OfferSubscription | null>(PATH),
    retry: false,
  });
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
  const problemMessage = useProblemMessage();
  // Controlled fields: a refetch after saving must not reset what is shown.
  const [publics, setPublics] = useState<Set<string>>(() => new Set(subscription?.publics ?? []));
  const [keywords, setKeywords] = useState(() => subscription?.keywords.join(', ') ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<'saved' | 'unsubscribed' | null>(null);
  const labels = { publics: t('offers.alerts.publics'), keywords: t('offers.alerts.keywords') };

  async function send(action: () => Promise<OfferSubscription | null>, outcome: 'saved' | 'unsubscribed') {
    setPending(true);
    setDone(null);
    try {
      const next = await action();
      queryClient.setQueryData(KEY, next);
      if (!next) {
        setPublics(new Set());
        setKeywords('');
      } else setKeywords(next.keywords.join(', '));
      setErrors({});
      setMessage(undefined);
      setDone(outcome);
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { publics: PUBLICS.filter((p) => publics.has(p)), keywords: splitKeywords(keywords) };
    const parsed = SubscriptionBody.safeParse(body);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'keywords') next.keywords ??= t('offers.alerts.keywordsInvalid');
        else next.publics ??= t('offers.alerts.errors.emptySubscription');
      }
      setDone(null);
      setMessage(undefined);
      setErrors(next);
      return;
    }
    void send(() => api.put<OfferSubscription>(PATH, parsed.data), 'saved');
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
        <div id={fieldId(FORM, 'publics')} tabIndex={-1}>
          <Checkbox
            legend={labels.publics}
            hintText={t('offers.alerts.publicsHint')}
            orientation="horizontal"
            state={errors.publics ? 'error' : 'default'}
            stateRelatedMessage={errors.publics}
            options={PUBLICS.map((p) => ({
              label: t(`ui.lifecycle.publics.${p}`),
              nativeInputProps: {
                name: 'publics',
                value: p,
                checked: publics.has(p),
                onChange: (event) =>
                  setPublics((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(p);
                    else next.delete(p);
                    return next;
                  }),
              },
            }))}
          />
        </div>
        <Input
          label={labels.keywords}
          hintText={t('offers.alerts.keywordsHint')}
          {...fieldState(errors, 'keywords')}
          nativeInputProps={{
            id: fieldId(FORM, 'keywords'),
            name: 'keywords',
            value: keywords,
            onChange: (event) => setKeywords(event.target.value),
            ...invalidProps(errors, 'keywords'),
          }}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" disabled={pending}>
              {t('offers.alerts.submit')}
            </Button>
          </li>
          {subscription ? (
            <li>
              <Button
                type="button"
                priority="secondary"
                disabled={pending}
                onClick={() =>
                  void send(async () => {
                    await api.delete(PATH);
                    return null;
                  }, 'unsubscribed')
                }
              >
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
