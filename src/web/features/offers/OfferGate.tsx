/**
 * What an offer's pages (its presentation, its demonstration) show before the offer itself: nothing yet
 * while it loads, "no such offer" for an address that names none, and for a withdrawn offer, that it was
 * withdrawn and when — its short link lives on in mails and documents.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { OfferWithdrawn } from '../../../shared/offers.ts';
import { ApiError } from '../../api/client.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { OfferHeading } from './OfferHeading.tsx';

/** `/offres/:number` gives digits only; anything else is no offer. */
function offerNumberOf(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

/** A withdrawn offer answers 410 with its number, kind, title and withdrawal date. */
function withdrawnOffer(error: unknown): OfferWithdrawn | undefined {
  if (!(error instanceof ApiError) || error.status !== 410) return undefined;
  return OfferWithdrawn.safeParse(error.problem).data;
}

const isNotFound = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

/**
 * The offer the address names, loaded by `load` (a query hook of `api/offers.ts`), then drawn by
 * `children` — or what to show instead.
 */
export function OfferGate<T>({
  load,
  children,
}: {
  load: (number: number) => UseQueryResult<T>;
  children: (answer: T) => ReactNode;
}) {
  const number = offerNumberOf(useParams().number);
  if (number === undefined) return <OfferNotFound />;
  return (
    <OfferAnswer number={number} load={load}>
      {children}
    </OfferAnswer>
  );
}

function OfferAnswer<T>({
  number,
  load,
  children,
}: {
  number: number;
  load: (number: number) => UseQueryResult<T>;
  children: (answer: T) => ReactNode;
}) {
  const query = load(number);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const withdrawn = withdrawnOffer(query.error);
    if (withdrawn) return <OfferWithdrawnNotice offer={withdrawn} />;
    if (isNotFound(query.error)) return <OfferNotFound />;
    return <ProblemAlert error={query.error} />;
  }
  return <>{children(query.data)}</>;
}

export function OfferNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <OfferHeading title={t('offers.presentation.notFound')} />
      <EmptyState message={t('offers.presentation.notFound')} next={t('offers.presentation.notFoundNext')}>
        <p className="fr-mt-2w fr-mb-0">
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/offres">
            {t('offers.presentation.backToCatalogue')}
          </Link>
        </p>
      </EmptyState>
    </>
  );
}

export function OfferWithdrawnNotice({ offer }: { offer: OfferWithdrawn }) {
  const { t } = useTranslation();
  const values = { title: offer.offerTitle, number: offer.number };
  return (
    <>
      <OfferHeading title={offer.offerTitle} />
      <Alert
        className="fr-mb-4w"
        severity="warning"
        title={t('offers.presentation.withdrawnTitle')}
        // Right under the page's h1 (the DSFR's default h3 would skip a level).
        as="h2"
        description={
          <>
            <span className="fr-mb-1w" style={{ display: 'block' }}>
              {offer.withdrawnAt
                ? t('offers.presentation.withdrawn', { ...values, date: formatDate(offer.withdrawnAt) })
                : t('offers.presentation.withdrawnNoDate', values)}
            </span>
            {t('offers.presentation.withdrawnNext')}
          </>
        }
      />
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/offres">
        {t('offers.presentation.backToCatalogue')}
      </Link>
    </>
  );
}
