/**
 * `/reseau-des-concepteurs`: the course offer as designers see it — published parcours of every domain,
 * how often each was deployed and how many sessions it gave — and "Déployer dans mon domaine".
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Card } from '@codegouvfr/react-dsfr/Card.js';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar/index.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDuration } from '../../../shared/format.ts';
import type { HubCourse, HubSearchResult } from '../../../shared/hub.ts';
import { useHubSearch } from '../../api/hub.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ListPages, pageLinks } from '../../components/lists.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { DeployModal, deployModal, targetsFor } from './DeployModal.tsx';

const SUMMARY_LENGTH = 220;

export function HubPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = useHubSearch(q, page);
  const [chosen, setChosen] = useState<HubCourse | null>(null);

  function onSearch(text: string) {
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    setParams(next);
  }

  return (
    <>
      <PageHeading title={t('hub.title')} crumbs={[]}>
        <p>{t('hub.intro')}</p>
      </PageHeading>
      <div className="fr-mb-4w">
        <SearchBar
          key={q}
          big
          label={t('hub.search.label')}
          defaultValue={q}
          allowEmptySearch
          onButtonClick={onSearch}
        />
      </div>
      {search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <ProblemAlert error={search.error} />
      ) : (
        <Results
          result={search.data}
          q={q}
          pageLink={pageLinks(params)}
          onDeploy={(offer) => {
            setChosen(offer);
            deployModal.open();
          }}
        />
      )}
      <DeployModal offer={chosen} domains={search.data?.targetDomains ?? []} />
    </>
  );
}

function Results({
  result,
  q,
  pageLink,
  onDeploy,
}: {
  result: HubSearchResult;
  q: string;
  pageLink: (n: number) => { to: string };
  onDeploy: (offer: HubCourse) => void;
}) {
  const { t } = useTranslation();
  if (result.total === 0)
    return q ? (
      <EmptyState message={t('hub.empty')} next={t('hub.emptyHint')} />
    ) : (
      <EmptyState message={t('hub.noOffer')} />
    );
  return (
    <>
      <p role="status" className="fr-text--lead fr-mb-3w">
        {q ? t('hub.resultsFor', { count: result.total, q }) : t('hub.results', { count: result.total })}
      </p>
      <ul className="fr-grid-row fr-grid-row--gutters mg-plain-list">
        {result.items.map((offer) => (
          <li key={offer.number} className="fr-col-12 fr-col-md-6">
            <OfferCard
              offer={offer}
              deployable={targetsFor(offer, result.targetDomains).length > 0}
              severalDomains={result.targetDomains.length > 1}
              onDeploy={() => onDeploy(offer)}
            />
          </li>
        ))}
      </ul>
      <ListPages
        className="fr-mt-4w"
        total={result.total}
        perPage={result.perPage}
        page={result.page}
        link={pageLink}
      />
    </>
  );
}

function shorten(text: string) {
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH).trimEnd()}…` : text;
}

function OfferCard({
  offer,
  deployable,
  severalDomains,
  onDeploy,
}: {
  offer: HubCourse;
  /** A domain of the person's is left where it is neither the origin's nor deployed yet. */
  deployable: boolean;
  severalDomains: boolean;
  onDeploy: () => void;
}) {
  const { t } = useTranslation();
  const facts = [
    offer.version ? t('hub.card.version', { version: offer.version }) : t('hub.card.noVersion'),
    ...(offer.durationMinutes > 0
      ? [t('hub.card.duration', { duration: formatDuration(offer.durationMinutes * 60) })]
      : []),
  ];
  return (
    <Card
      title={offer.title}
      titleAs="h2"
      size="small"
      border
      linkProps={{ to: `/offres/${offer.number}` }}
      start={
        <p className="fr-card__detail fr-icon-bank-line">
          {t('hub.card.origin', { domain: offer.domain.name })}
        </p>
      }
      desc={shorten(offer.summary)}
      end={
        <>
          <p className="fr-card__detail">{facts.join(' · ')}</p>
          <p className="fr-card__detail fr-text--bold fr-mt-1v">
            {t('hub.card.deployments', { count: offer.deployments })} ·{' '}
            {t('hub.card.sessions', { count: offer.sessions })}
          </p>
        </>
      }
      footer={
        <>
          {offer.deployedCopies.map((copy) => (
            <DeployedCopy key={copy.courseId} offer={offer} copy={copy} severalDomains={severalDomains} />
          ))}
          {deployable ? (
            <Button
              priority="secondary"
              size="small"
              iconId="fr-icon-git-branch-line"
              onClick={onDeploy}
              // The visible words stay the accessible name; the title says which parcours.
              nativeButtonProps={{ title: t('hub.card.deployTitle', { title: offer.title }) }}
            >
              {t('hub.card.deploy')}
            </Button>
          ) : offer.deployedCopies.length === 0 ? (
            <p className="fr-text--sm fr-mb-0">{t('hub.card.ownDomain')}</p>
          ) : null}
        </>
      }
    />
  );
}

/**
 * A copy of the parcours already in one of the person's domains: said so, with the way to it and, when
 * the offer has a newer version than the copy holds, to its update (on the copy's life-cycle page).
 */
function DeployedCopy({
  offer,
  copy,
  severalDomains,
}: {
  offer: HubCourse;
  copy: HubCourse['deployedCopies'][number];
  severalDomains: boolean;
}) {
  const { t } = useTranslation();
  const outdated = offer.version !== null && copy.version !== offer.version;
  const names = { title: copy.title, domain: copy.domain.name, version: offer.version };
  return (
    <div className="fr-mb-2w">
      <p className="fr-mb-1v">
        <Badge severity="success" small>
          {severalDomains ? t('hub.card.deployedIn', { domain: copy.domain.name }) : t('hub.card.deployed')}
        </Badge>
      </p>
      <p className="fr-text--sm fr-mb-1w">{t('hub.card.copyVersion', { version: copy.version })}</p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <li>
          <Button
            priority="secondary"
            size="small"
            iconId="fr-icon-arrow-right-line"
            linkProps={{ to: `/parcours/${copy.courseId}`, title: t('hub.card.openCopyTitle', names) }}
          >
            {t('hub.card.openCopy')}
          </Button>
        </li>
        {outdated ? (
          <li>
            <Button
              size="small"
              iconId="fr-icon-refresh-line"
              linkProps={{
                to: `/parcours/${copy.courseId}/cycle-de-vie`,
                title: t('hub.card.updateTitle', names),
              }}
            >
              {t('hub.card.update')}
            </Button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
