/**
 * "Mon espace": what the person does on the platform, one block per role they hold in their courses —
 * the sessions they take ("Mes parcours"), those they lead ("Mes formations"), what they design ("Mes
 * conceptions") — each card with its way back in. Only the blocks that concern the person are shown, and
 * an empty one says what to do next. Domain staff also reach the other courses of their domains.
 */
import { Accordion } from '@codegouvfr/react-dsfr/Accordion.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Card } from '@codegouvfr/react-dsfr/Card.js';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { keyIn, type SuffixOf } from '../../../shared/i18n/keys.ts';
import { type Course, useCourses } from '../../api/courses.ts';
import { type SpaceCourse, useMySpace } from '../../api/home.ts';
import { useMe } from '../../app/auth.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ProgressMeter } from '../completion/ProgressMeter.tsx';
import { HiddenBadge } from '../courses/SectionContent.tsx';
import { StageBadge } from '../workflow/StageBadge.tsx';
import { CourseImportForm } from './CourseImportForm.tsx';
import './home.css';

type Block = 'courses' | 'trainings' | 'designs';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const space = useMySpace();
  // Roles over a whole domain (or the platform) open more courses than one's own: listed apart, folded.
  const staffWide = me.roles.some(
    (r) => (r.contextLevel === 'domain' || r.contextLevel === 'platform') && r.role !== 'participant',
  );
  const courseTitles = new Map(
    space.data
      ? [...space.data.courses, ...space.data.trainings, ...space.data.designs].map(
          (c) => [c.contextId, c.course.title] as const,
        )
      : [],
  );

  return (
    <>
      <PageHeading title={t('ui.home.title')}>
        <p className="fr-text--lead fr-mb-2w">{t('ui.home.greeting', { firstName: me.user.firstName })}</p>
        <p>
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/offres">
            {t('ui.home.offerLink')}
          </Link>
        </p>
      </PageHeading>
      {space.isPending ? (
        <Loading />
      ) : space.isError ? (
        <ProblemAlert error={space.error} />
      ) : (
        <>
          {space.data.blocks.courses ? (
            <BlockSection block="courses" items={space.data.courses}>
              <EmptyState message={t('ui.home.courses.empty')} next={t('ui.home.courses.next')}>
                <p className="fr-mt-2w fr-mb-0">
                  <Button iconId="fr-icon-search-line" priority="secondary" linkProps={{ to: '/offres' }}>
                    {t('ui.home.offerLink')}
                  </Button>
                </p>
              </EmptyState>
            </BlockSection>
          ) : null}
          {space.data.blocks.trainings ? (
            <BlockSection block="trainings" items={space.data.trainings}>
              <EmptyState message={t('ui.home.trainings.empty')} next={t('ui.home.trainings.next')} />
            </BlockSection>
          ) : null}
          {space.data.blocks.designs ? (
            <BlockSection
              block="designs"
              items={space.data.designs}
              action={
                space.data.canCreate ? (
                  <Button
                    className="fr-mb-2w"
                    iconId="fr-icon-add-line"
                    linkProps={{ to: '/parcours/nouveau' }}
                  >
                    {t('ui.courses.create')}
                  </Button>
                ) : null
              }
              after={space.data.canCreate && me.domains.length > 0 ? <CourseImportForm /> : null}
            >
              <EmptyState
                message={t('ui.home.designs.empty')}
                next={space.data.canCreate ? t('ui.home.designs.nextCreate') : t('ui.home.designs.next')}
              />
            </BlockSection>
          ) : null}
          {staffWide ? (
            <OtherCourses
              // With no block of their own (a manager), these are what the page is for: shown unfolded.
              expanded={!Object.values(space.data.blocks).some(Boolean)}
              exclude={
                new Set(
                  [...space.data.courses, ...space.data.trainings, ...space.data.designs].map(
                    (c) => c.course.id,
                  ),
                )
              }
            />
          ) : null}
        </>
      )}
      <section className="fr-mt-6w" aria-labelledby="section-roles">
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
                  // A role in a course is named by the course's title when it is one of the blocks'.
                  scope:
                    courseTitles.get(assignment.contextId) ||
                    assignment.contextLabel ||
                    t(`ui.contextLevels.${assignment.contextLevel}`),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** One block of Mon espace: its cards, or (children) what to do while it is empty. */
function BlockSection({
  block,
  items,
  action,
  after,
  children,
}: {
  block: Block;
  items: SpaceCourse[];
  action?: ReactNode;
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `section-${block}`;
  return (
    <section className="fr-mt-6w" aria-labelledby={id}>
      <h2 id={id}>{t(`ui.home.${block}.title`)}</h2>
      {action}
      {items.length === 0 ? (
        children
      ) : (
        <ul className="fr-grid-row fr-grid-row--gutters mg-plain-list">
          {items.map((item) => (
            <li key={item.course.id} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
              <SpaceCard item={item} block={block} />
            </li>
          ))}
        </ul>
      )}
      {after}
    </section>
  );
}

/** "Du 3 mars 2026 au 30 juin 2026", or what is known of the dates. */
function sessionDates(t: TFunction, item: SpaceCourse) {
  const s = item.session;
  if (!s || (!s.startsAt && !s.endsAt)) return null;
  const start = s.startsAt ? formatDate(s.startsAt) : '';
  const end = s.endsAt ? formatDate(s.endsAt) : '';
  if (start && end) return t('ui.home.card.dates', { start, end });
  return start ? t('ui.home.card.from', { start }) : t('ui.home.card.until', { end });
}

function SpaceCard({ item, block }: { item: SpaceCourse; block: Block }) {
  const { t } = useTranslation();
  const { course, resume } = item;
  const to = `/parcours/${course.id}`;
  // The thumbnail is decorative (the title says it all); without one, a plain block keeps cards even.
  const image = course.thumbnailUrl
    ? { imageUrl: course.thumbnailUrl, imageAlt: '' }
    : {
        imageComponent: (
          <div className="mg-card-placeholder mg-space-placeholder fr-icon-book-2-line" aria-hidden="true" />
        ),
      };
  const dates = sessionDates(t, item);
  // A participant's running session needs no badge; what is not plain "en cours" says so.
  const badge =
    block !== 'courses' || course.stage !== 'session_running' ? (
      <StageBadge stage={course.stage} className="fr-mr-1w" />
    ) : null;
  const progress = item.progress?.percent !== null && item.progress ? item.progress : null;
  // What to know before opening it: its dates, and for a participant where she stands.
  const lines = [
    dates,
    item.open ? null : t('ui.home.card.notOpen'),
    block === 'courses' && item.open && resume.title ? t('ui.home.card.next', { title: resume.title }) : null,
    block === 'courses' && item.open && !resume.activityId && resume.started
      ? t('ui.home.card.allDone')
      : null,
  ].filter((line): line is string => Boolean(line));

  // Staff have no course to "start": their way back in is offered once they have opened something.
  const resumable = block === 'courses' || resume.started;
  const resumeLink =
    !item.open || !resumable ? null : resume.activityId ? (
      <Button
        size="small"
        iconId="fr-icon-play-line"
        linkProps={{
          to: `${to}/activite/${resume.activityId}`,
          'aria-label': t(resume.started ? 'ui.home.card.resumeLabel' : 'ui.home.card.startLabel', {
            course: course.title,
          }),
        }}
      >
        {t(resume.started ? 'ui.home.card.resume' : 'ui.home.card.start')}
      </Button>
    ) : resume.started ? (
      <Button
        size="small"
        priority="secondary"
        linkProps={{ to, 'aria-label': t('ui.home.card.reviewLabel', { course: course.title }) }}
      >
        {t('ui.home.card.review')}
      </Button>
    ) : null;
  type CardKey = SuffixOf<'ui.home.card'>;
  const staffLinks: [string, CardKey, CardKey][] =
    block === 'trainings'
      ? [
          ['suivi', 'followup', 'followupLabel'],
          ['participants', 'participants', 'participantsLabel'],
        ]
      : block === 'designs'
        ? [
            ['?edition=1', 'edit', 'editLabel'],
            ['cycle-de-vie', 'lifecycle', 'lifecycleLabel'],
          ]
        : [];

  return (
    <Card
      className="mg-space-card"
      title={course.title}
      titleAs="h3"
      size="small"
      {...(item.open ? { linkProps: { to } } : {})}
      start={
        badge || course.visibility === 'hidden' ? (
          <p className="fr-mb-0">
            {badge}
            {course.visibility === 'hidden' ? <HiddenBadge /> : null}
          </p>
        ) : undefined
      }
      {...(lines.length
        ? {
            desc: lines.map((line) => (
              <span key={line} className="mg-block">
                {line}
              </span>
            )),
          }
        : {})}
      end={
        progress ? (
          <ProgressMeter
            compact
            title={t('ui.completion.progress.homeLabel', { title: course.title })}
            percent={progress.percent!}
            completed={progress.completed}
            tracked={progress.tracked}
            completedAt={progress.courseCompletedAt}
          />
        ) : undefined
      }
      footer={
        resumeLink || staffLinks.length ? (
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-btns-group--icon-left">
            {resumeLink ? <li>{resumeLink}</li> : null}
            {staffLinks.map(([path, key, label]) => (
              <li key={path}>
                <Button
                  size="small"
                  priority="secondary"
                  linkProps={{
                    to: path.startsWith('?') ? `${to}${path}` : `${to}/${path}`,
                    'aria-label': t(keyIn('ui.home.card', label), { course: course.title }),
                  }}
                >
                  {t(keyIn('ui.home.card', key))}
                </Button>
              </li>
            ))}
          </ul>
        ) : undefined
      }
      {...image}
    />
  );
}

/** The other courses the person's domain-wide roles let them open, folded: reachable, not in the way. */
function OtherCourses({ exclude, expanded }: { exclude: ReadonlySet<string>; expanded: boolean }) {
  const { t } = useTranslation();
  const courses = useCourses();
  if (courses.isPending) return null;
  if (courses.isError) return <ProblemAlert error={courses.error} />;
  const others = courses.data.filter((c: Course) => !exclude.has(c.id));
  if (others.length === 0) {
    if (!expanded) return null;
    // Nothing of their own and nothing in their domains yet: say so, rather than leave the page blank.
    return (
      <section className="fr-mt-6w" aria-labelledby="section-others">
        <h2 id="section-others">{t('ui.home.others.emptyTitle')}</h2>
        <EmptyState message={t('ui.home.others.empty')} next={t('ui.home.others.next')} />
      </section>
    );
  }
  return (
    <section className="fr-mt-6w">
      <Accordion
        label={t('ui.home.others.title', { count: others.length })}
        titleAs="h2"
        defaultExpanded={expanded}
      >
        <p className="fr-text--sm">{t('ui.home.others.intro')}</p>
        <ul>
          {others.map((course) => (
            <li key={course.id} className="fr-mb-1w">
              <Link to={`/parcours/${course.id}`}>{course.title}</Link>
              <StageBadge stage={course.stage} />
              {course.visibility === 'hidden' ? <HiddenBadge /> : null}
            </li>
          ))}
        </ul>
      </Accordion>
    </section>
  );
}
