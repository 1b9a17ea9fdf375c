import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Card } from '@codegouvfr/react-dsfr/Card.js';
import { useTranslation } from 'react-i18next';
import { type Course, useCourses } from '../../api/courses.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CourseProgressBar } from '../completion/CourseProgressBar.tsx';
import { HiddenBadge } from '../courses/SectionContent.tsx';
import { CourseImportForm } from './CourseImportForm.tsx';

function CourseList({ courses }: { courses: Course[] }) {
  const { t } = useTranslation();
  return (
    <ul className="fr-grid-row fr-grid-row--gutters mg-plain-list">
      {courses.map((course) => {
        // The thumbnail is decorative (the title says it all); without one, a plain block keeps cards even.
        const image = course.thumbnailUrl
          ? { imageUrl: course.thumbnailUrl, imageAlt: '' }
          : { imageComponent: <div className="mg-card-placeholder" aria-hidden="true" /> };
        return (
          <li key={course.id} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <Card
              title={course.title}
              titleAs="h3"
              size="small"
              enlargeLink
              linkProps={{ to: `/parcours/${course.id}` }}
              desc={
                <>
                  {course.shortName} · {t(`ui.courses.formats.${course.format}`)}
                  {course.visibility === 'hidden' ? <HiddenBadge /> : null}
                </>
              }
              end={<CourseProgressBar courseId={course.id} title={course.title} />}
              {...image}
            />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * "Mon espace": what the person does on the platform. The courses the server lists go under
 * "Mes conceptions" for those who may edit courses, under "Mes parcours" for the others
 * (enrolments, sessions and progress come later: honest empty states meanwhile).
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canCreate = useCan('course:create');
  const designs = useCan('course:update');
  const courses = useCourses();

  // Participants are only shown the courses they can open: visible and already available.
  const now = Date.now();
  const shown = (courses.data ?? []).filter(
    (c) =>
      designs || (c.visibility === 'visible' && (!c.availableFrom || Date.parse(c.availableFrom) <= now)),
  );
  const list = (empty: { message: string; next?: string }) => {
    if (courses.isPending) return <Loading />;
    if (courses.isError) return <ProblemAlert error={courses.error} />;
    if (shown.length === 0) return <EmptyState message={empty.message} next={empty.next} />;
    return <CourseList courses={shown} />;
  };

  return (
    <>
      <PageHeading title={t('ui.home.title')}>
        <p className="fr-text--lead">{t('ui.home.greeting', { firstName: me.user.firstName })}</p>
        <p>{t('ui.home.intro')}</p>
      </PageHeading>
      <section className="fr-mt-5w" aria-labelledby="section-courses">
        <h2 id="section-courses">{t('ui.home.courses.title')}</h2>
        {designs ? (
          <EmptyState message={t('ui.home.courses.empty')} next={t('ui.home.courses.next')} />
        ) : (
          <>
            {list({ message: t('ui.home.courses.empty'), next: t('ui.home.courses.next') })}
            {courses.data?.length ? <p className="fr-text--sm">{t('ui.home.courses.resumeHint')}</p> : null}
          </>
        )}
      </section>
      <section className="fr-mt-5w" aria-labelledby="section-trainings">
        <h2 id="section-trainings">{t('ui.home.trainings.title')}</h2>
        <EmptyState message={t('ui.home.trainings.empty')} next={t('ui.home.trainings.next')} />
      </section>
      <section className="fr-mt-5w" aria-labelledby="section-designs">
        <h2 id="section-designs">{t('ui.home.designs.title')}</h2>
        {canCreate ? (
          <Button className="fr-mb-2w" iconId="fr-icon-add-line" linkProps={{ to: '/parcours/nouveau' }}>
            {t('ui.courses.create')}
          </Button>
        ) : null}
        {designs ? (
          list({
            message: t('ui.home.designs.empty'),
            next: canCreate ? t('ui.home.designs.nextCreate') : t('ui.home.designs.next'),
          })
        ) : (
          <EmptyState message={t('ui.home.designs.empty')} next={t('ui.home.designs.next')} />
        )}
        {canCreate && me.domains.length > 0 ? <CourseImportForm /> : null}
      </section>
      <section className="fr-mt-5w" aria-labelledby="section-roles">
        <h2 id="section-roles">{t('ui.home.roles.title')}</h2>
        <p>{t('ui.home.roles.intro')}</p>
        {me.roles.length === 0 ? (
          <EmptyState message={t('ui.home.roles.empty')} />
        ) : (
          <ul>
            {me.roles.map((assignment) => (
              <li key={assignment.id}>
                {t('ui.home.roles.item', {
                  role: t(`ui.roles.${assignment.role}`),
                  context: assignment.contextLabel || t(`ui.contextLevels.${assignment.contextLevel}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
