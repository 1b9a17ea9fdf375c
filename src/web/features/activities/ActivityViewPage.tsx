/**
 * `/parcours/:id/activite/:activityId`: one activity through its kind's View, with previous / next. The
 * course page gives the order and the heading at once; the activity itself (its settings) comes with its
 * own request.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { flattenActivities, useActivity, useCoursePage } from '../../api/courses.ts';
import { useRecordView } from '../../api/progress.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ActivityCompletion } from '../completion/ActivityCompletion.tsx';
import { PREVIEW_SUFFIX, PreviewNotice, useParticipantPreview } from '../courses/preview.tsx';
import { HiddenBadge } from '../courses/SectionContent.tsx';
import { AudienceBadge } from '../enrolment/AudienceBadge.tsx';
import { kindText, kindUi } from './registry.tsx';

export function ActivityViewPage() {
  const { t } = useTranslation();
  const { id = '', activityId = '' } = useParams();
  const preview = useParticipantPreview();
  const query = useCoursePage(id, { asParticipant: preview });
  const full = useActivity(id, activityId);
  const all = query.data ? flattenActivities(query.data) : [];
  const listed = all.find((a) => a.id === activityId);
  // Labels are read in place on the course page, never steps of "Précédent / Suivant".
  const steps = all.filter((a) => !kindUi(a.kind).Inline || a.id === activityId);
  const index = steps.findIndex((a) => a.id === activityId);
  // An editor's preview leaves no trace in the course's follow-up.
  useRecordView(id, preview ? undefined : listed?.id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const page = query.data;
  const suffix = preview ? PREVIEW_SUFFIX : '';
  const courseCrumb = { label: page.course.title, to: `/parcours/${page.course.id}${suffix}` };
  if (!listed) {
    return (
      <>
        <PageHeading title={t('ui.activities.view.notFound')} crumbs={[courseCrumb]} />
        <EmptyState message={t('ui.activities.view.notFound')} />
      </>
    );
  }
  const ui = kindUi(listed.kind);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  const link = (activityIdOf: string) => `/parcours/${page.course.id}/activite/${activityIdOf}`;
  return (
    <>
      <PageHeading title={listed.title} crumbs={[courseCrumb]}>
        <p className="fr-text--sm mg-muted">
          <span className={`${ui.icon} fr-icon--sm fr-mr-1v`} aria-hidden="true" />
          {kindText(t, listed.kind).name}
          {listed.visibility === 'hidden' ? <HiddenBadge /> : null}
          <AudienceBadge restrictedTo={listed.restrictedTo} />
          {page.canEdit ? (
            <>
              {' · '}
              <Link className="fr-link fr-link--sm" to={`${link(listed.id)}/modifier`}>
                {t('ui.activities.view.edit')}
              </Link>
            </>
          ) : null}
        </p>
        <ActivityCompletion
          courseId={page.course.id}
          activity={listed}
          className="fr-mb-4w"
          preview={preview}
        />
      </PageHeading>
      {preview ? <PreviewNotice exitTo={link(listed.id)} /> : null}
      <div className="fr-mb-6w">
        {full.isPending ? (
          <Loading />
        ) : full.isError ? (
          <ProblemAlert error={full.error} />
        ) : (
          <ui.View activity={full.data} headingLevel="h2" />
        )}
      </div>
      <nav className="mg-prevnext" aria-label={t('ui.activities.view.navigation')}>
        {previous ? (
          <Link
            className="fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left"
            to={`${link(previous.id)}${suffix}`}
            aria-label={t('ui.activities.view.previousLabel', { title: previous.title })}
          >
            {t('ui.activities.view.previous')}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link
            className="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right"
            to={`${link(next.id)}${suffix}`}
            aria-label={t('ui.activities.view.nextLabel', { title: next.title })}
          >
            {t('ui.activities.view.next')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
