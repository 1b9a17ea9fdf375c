/**
 * The course's publication in the offer, on its life-cycle page: whether and under which number it is
 * published, its short link, what the indexation still lacks (with links to the fields), and the actions:
 * publish, update the publication (with release notes for a parcours), withdraw after confirmation.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { isOneOf, keyIn } from '../../../shared/i18n/keys.ts';
import type { Stage } from '../../../shared/lifecycle.ts';
import { type Publication, REQUIRED_FOR_OFFER, shortLink } from '../../../shared/offers.ts';
import type { Course } from '../../api/courses.ts';
import { publishCourse, refreshPublication, usePublication, withdrawCourse } from '../../api/offers.ts';
import { useCourseCapabilities } from '../../api/roles.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';
import './publication.css';

const withdrawModal = createModal({ id: 'modale-retirer-offre', isOpenedByDefault: false });

/** Stages a publication can be made or refreshed from (the server says the same). */
const PUBLISHABLE: Stage[] = ['construction', 'session_preparation', 'session_running'];

export function PublicationSection({
  course,
  stage,
  onDone,
}: {
  course: Course;
  stage: Stage;
  onDone: (message: string) => void;
}) {
  const capabilities = useCourseCapabilities(course.id);
  const allowed = capabilities.data?.includes('offer:publish') ?? false;
  const publication = usePublication(course.id, allowed);
  if (!allowed || !publication.data) return null;
  return <Section course={course} stage={stage} publication={publication.data} onDone={onDone} />;
}

function Section({
  course,
  stage,
  publication,
  onDone,
}: {
  course: Course;
  stage: Stage;
  publication: Publication;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [notes, setNotes] = useState('');
  const [copied, setCopied] = useState(false);
  const { kind, offer, missing } = publication;
  const published = offer?.status === 'published';
  const publishable = PUBLISHABLE.includes(stage);
  const link = offer ? shortLink(kind, offer.number) : '';
  const absoluteLink = `${window.location.origin}${link}`;
  const version = course.metadata.version;
  const newVersion =
    kind === 'course' && version !== undefined && version !== '' && version !== offer?.version;

  async function act(action: 'publish' | 'withdraw') {
    setPending(true);
    setError(undefined);
    try {
      const result =
        action === 'publish' ? await publishCourse(course.id, notes.trim()) : await withdrawCourse(course.id);
      await refreshPublication(queryClient, course.id);
      setNotes('');
      const done = action === 'withdraw' ? 'withdrawn' : published ? 'updated' : 'published';
      onDone(t(`offers.publication.done.${done}`, { title: course.title, number: result.offer?.number }));
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    await navigator.clipboard?.writeText(absoluteLink).catch(() => undefined);
    setCopied(true);
  }

  const status = offer?.status ?? 'none';
  return (
    <section className="fr-mb-6w" aria-labelledby="publication-offre">
      <h2 id="publication-offre" className="fr-h4">
        {t('offers.publication.title')}
      </h2>
      <p className="fr-mb-2w">
        <Badge
          severity={status === 'published' ? 'success' : status === 'withdrawn' ? 'warning' : 'info'}
          noIcon={status === 'none'}
          className="fr-mr-1w"
        >
          {t(`offers.publication.status.${status}`)}
        </Badge>
        <span className="fr-text--sm">{t(`offers.publication.kinds.${kind}`)}</span>
      </p>
      <p className="fr-hint-text">{t(`offers.publication.intro.${kind}`)}</p>
      {error ? <Alert className="fr-mb-3w" severity="error" small role="alert" description={error} /> : null}

      {offer ? (
        <dl className="mg-publication fr-mb-3w">
          <dt>{t('offers.publication.number')}</dt>
          <dd>{offer.number}</dd>
          <dt>{t('offers.publication.shortLink')}</dt>
          <dd>
            <a href={link}>{absoluteLink}</a>{' '}
            <Button
              size="small"
              priority="tertiary no outline"
              iconId="fr-icon-clipboard-line"
              onClick={() => void copy()}
            >
              {t('offers.publication.copy')}
            </Button>
            <span className="fr-sr-only" aria-live="polite">
              {copied ? t('offers.publication.copied') : ''}
            </span>
          </dd>
          {offer.version ? (
            <>
              <dt>{t('offers.publication.version')}</dt>
              <dd>{offer.version}</dd>
            </>
          ) : null}
          <dt>{t('offers.publication.publishedAt')}</dt>
          <dd>{formatDate(offer.publishedAt)}</dd>
          {offer.updatedAt !== offer.publishedAt ? (
            <>
              <dt>{t('offers.publication.updatedAt')}</dt>
              <dd>{formatDate(offer.updatedAt)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      {!publishable && stage in NOT_PUBLISHABLE_KEYS ? (
        <p>{t(`offers.publication.notPublishableHere.${NOT_PUBLISHABLE_KEYS[stage]!}`)}</p>
      ) : null}

      {publishable && missing.length ? (
        <div id="publication-manque" className="fr-messages-group fr-mb-3w">
          <p className="fr-message fr-message--error fr-mb-0">{t('offers.publication.missingIntro')}</p>
          <ul className="fr-mt-0">
            {missing.map((field) => (
              <li key={field} className="fr-text--sm fr-mb-0">
                <Link to={`/parcours/${course.id}/indexation#indexation-${field}`}>
                  {isOneOf(REQUIRED_FOR_OFFER.course, field)
                    ? t(keyIn('offers.publication.fields', field))
                    : field}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {publishable && newVersion && missing.length === 0 ? (
        <div className="mg-narrow-form">
          {offer ? <p className="fr-mb-1w">{t('offers.publication.newVersionHint', { version })}</p> : null}
          <Input
            label={t('offers.publication.releaseNotes')}
            hintText={t('offers.publication.releaseNotesHint')}
            textArea
            nativeTextAreaProps={{
              id: 'publication-notes',
              rows: 3,
              maxLength: 5000,
              value: notes,
              onChange: (event) => setNotes(event.currentTarget.value),
            }}
          />
        </div>
      ) : null}

      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {publishable ? (
          <li>
            <Button
              iconId={published ? 'fr-icon-refresh-line' : 'fr-icon-upload-line'}
              priority={published ? 'secondary' : 'primary'}
              disabled={pending || missing.length > 0}
              onClick={() => void act('publish')}
              nativeButtonProps={missing.length ? { 'aria-describedby': 'publication-manque' } : {}}
            >
              {t(
                published
                  ? 'offers.publication.update'
                  : offer
                    ? 'offers.publication.republish'
                    : 'offers.publication.publish',
              )}
            </Button>
          </li>
        ) : null}
        {published ? (
          <li>
            <Button
              iconId="fr-icon-close-circle-line"
              priority="tertiary"
              disabled={pending}
              onClick={() => withdrawModal.open()}
            >
              {t('offers.publication.withdraw')}
            </Button>
          </li>
        ) : null}
      </ul>
      {published ? <p className="fr-hint-text">{t('offers.publication.updateHint')}</p> : null}

      <ConfirmModal
        modal={withdrawModal}
        title={t('offers.publication.confirmWithdraw.title')}
        confirmLabel={t('offers.publication.confirmWithdraw.submit')}
        confirmIcon="fr-icon-close-circle-line"
        onConfirm={() => void act('withdraw')}
      >
        <p>{t('offers.publication.confirmWithdraw.text', { title: course.title })}</p>
      </ConfirmModal>
    </section>
  );
}

const NOT_PUBLISHABLE_KEYS: Partial<Record<Stage, 'template' | 'session_archived' | 'trash'>> = {
  template: 'template',
  session_archived: 'session_archived',
  trash: 'trash',
};
