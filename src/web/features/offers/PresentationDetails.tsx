/** What a presentation page tells about the offer: its indexation, versions and sessions. */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Tag } from '@codegouvfr/react-dsfr/Tag.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDuration } from '../../../shared/format.ts';
import { keyIn, type SuffixOf } from '../../../shared/i18n/keys.ts';
import type { OfferPresentation } from '../../../shared/offers.ts';
import { RichText } from '../../components/RichTextEditor.tsx';

const hours = (minutes: number) => formatDuration(minutes * 60);

/** A term and its description, left out when there is nothing to say. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function PresentationFacts({ offer }: { offer: OfferPresentation }) {
  const { t } = useTranslation();
  const m = offer.metadata;
  const label = (key: SuffixOf<'offers.presentation'>) => t(keyIn('offers.presentation', key));
  const onSite = m.durationOnSite ?? 0;
  const remote = m.durationRemote ?? 0;
  const text = (value: string | undefined) => (value ? <span className="mg-pre-line">{value}</span> : null);
  return (
    <dl className="mg-offer-facts-list">
      <Fact term={label('publics')}>
        {offer.publics.length > 0 ? (
          <ul className="fr-mb-0">
            {offer.publics.map((p) => (
              <li key={p}>{t(`ui.lifecycle.publics.${p}`, { defaultValue: p })}</li>
            ))}
          </ul>
        ) : (
          label('notSpecified')
        )}
      </Fact>
      <Fact term={label('durations')}>
        {onSite + remote > 0 ? (
          <ul className="fr-mb-0">
            {onSite > 0 ? (
              <li>{t('offers.presentation.durationOnSite', { duration: hours(onSite) })}</li>
            ) : null}
            {remote > 0 ? (
              <li>{t('offers.presentation.durationRemote', { duration: hours(remote) })}</li>
            ) : null}
            {onSite > 0 && remote > 0 ? (
              <li>{t('offers.presentation.durationTotal', { duration: hours(onSite + remote) })}</li>
            ) : null}
          </ul>
        ) : (
          label('notSpecified')
        )}
      </Fact>
      <Fact term={label('modality')}>
        {offer.modality ? t(`offers.catalogue.modalities.${offer.modality}`) : null}
      </Fact>
      <Fact term={label('rhythm')}>{text(m.rhythm)}</Fact>
      <Fact term={label('collection')}>
        {offer.collection
          ? t(`ui.lifecycle.collections.${offer.collection}`, { defaultValue: offer.collection })
          : null}
      </Fact>
      <Fact term={label('origin')}>{m.origin ? t(`ui.lifecycle.origins.${m.origin}`) : null}</Fact>
      <Fact term={label('domain')}>{offer.domain.name}</Fact>
      <Fact term={label('authors')}>{text(m.authors)}</Fact>
      <Fact term={label('validatedBy')}>{text(m.validatedBy)}</Fact>
      <Fact term={label('certification')}>{text(m.certification)}</Fact>
      <Fact term={label('contact')}>{text(m.contact)}</Fact>
      <Fact term={label('keywords')}>
        {m.keywords?.length ? (
          <ul className="fr-tags-group">
            {m.keywords.map((keyword) => (
              <li key={keyword}>
                <Tag
                  small
                  linkProps={{ to: `/offres?kind=${offer.kind}&keyword=${encodeURIComponent(keyword)}` }}
                >
                  {keyword}
                </Tag>
              </li>
            ))}
          </ul>
        ) : null}
      </Fact>
    </dl>
  );
}

export function PresentationObjectives({ offer }: { offer: OfferPresentation }) {
  const { t } = useTranslation();
  if (!offer.metadata.objectives) return null;
  return (
    <section aria-labelledby="objectifs-titre" className="fr-mb-4w">
      <h2 id="objectifs-titre" className="fr-h4">
        {t('offers.presentation.objectives')}
      </h2>
      <RichText html={offer.metadata.objectives} />
    </section>
  );
}

function SelfEnrolmentBadge() {
  const { t } = useTranslation();
  return (
    <Badge small severity="success" as="span" className="fr-ml-1w">
      {t('offers.presentation.selfEnrolmentOpen')}
    </Badge>
  );
}

export function PresentationSessions({ offer }: { offer: OfferPresentation }) {
  const { t } = useTranslation();
  const dates = (s: OfferPresentation['sessions'][number]) => {
    if (s.startsAt && s.endsAt)
      return t('offers.presentation.sessionDates', {
        start: formatDate(s.startsAt),
        end: formatDate(s.endsAt),
      });
    if (s.startsAt) return t('offers.presentation.sessionStarts', { start: formatDate(s.startsAt) });
    return t('offers.presentation.sessionNoDates');
  };
  return (
    <section aria-labelledby="sessions-titre" className="fr-mb-4w">
      <h2 id="sessions-titre" className="fr-h4">
        {offer.kind === 'course'
          ? t('offers.presentation.sessionsCourse')
          : t('offers.presentation.sessions')}
      </h2>
      {offer.sessions.length === 0 ? (
        <p>{t('offers.presentation.noSessions')}</p>
      ) : offer.kind === 'training' ? (
        // A training offer is its session: its title is the page's, its dates are what is left to say.
        offer.sessions.map((session) => (
          <p key={session.courseId}>
            {dates(session)}
            {session.selfEnrolment ? <SelfEnrolmentBadge /> : null}
          </p>
        ))
      ) : (
        <ul>
          {offer.sessions.map((session) => (
            <li key={session.courseId}>
              <Link to={`/offres/${session.number}`}>{session.title}</Link> — {dates(session)}
              {session.selfEnrolment ? <SelfEnrolmentBadge /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PresentationVersions({ offer }: { offer: OfferPresentation }) {
  const { t } = useTranslation();
  if (offer.versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-titre" className="fr-mb-4w">
      <h2 id="versions-titre" className="fr-h4">
        {t('offers.presentation.versions')}
      </h2>
      {offer.versions.map((version) => (
        <div key={version.version} className="fr-mb-2w">
          <h3 className="fr-h6 fr-mb-1w">
            {t('offers.presentation.versionPublished', {
              version: version.version,
              date: formatDate(version.publishedAt),
            })}
          </h3>
          <p className="mg-pre-line fr-mb-0">
            {version.releaseNotes || t('offers.presentation.noReleaseNotes')}
          </p>
        </div>
      ))}
    </section>
  );
}
