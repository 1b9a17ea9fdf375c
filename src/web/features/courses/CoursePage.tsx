/**
 * The course page `/parcours/:id`: its sections and activities; for editors, the "Mode édition" switch and
 * the participant preview (`?apercu=participant`: the page as a participant sees it).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { SideMenu } from '@codegouvfr/react-dsfr/SideMenu.js';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch.js';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { type CoursePage as CoursePageData, flattenActivities, useCoursePage } from '../../api/courses.ts';
import { useSelfEnrolment } from '../../api/enrolment.ts';
import { type CourseProgress, useCourseProgress } from '../../api/progress.ts';
import { lazyWidget } from '../../app/lazy.tsx';
import { AvailableFromNote } from '../../components/AvailableFromField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RichText } from '../../components/RichTextEditor.tsx';
import { kindUi } from '../activities/registry.tsx';
import { CourseProgressPanel, PreviewProgressPanel } from '../completion/CourseProgressPanel.tsx';
import { CourseSelfEnrol, SelfEnrolButton } from '../enrolment/SelfEnrolButton.tsx';
import { CourseNav } from '../workflow/CourseNav.tsx';
import { SessionPracticalInfo } from '../workflow/SessionPracticalInfo.tsx';
import { StageBadge } from '../workflow/StageBadge.tsx';
import { CourseTools } from './CourseTools.tsx';
import { PREVIEW_PARAM, PREVIEW_SUFFIX, PreviewNotice, useParticipantPreview } from './preview.tsx';
import { HiddenBadge, NoSections, SectionContent } from './SectionContent.tsx';

// Edit mode (drag and drop, rich-text editor) is for the course's editors: loaded when switched on.
const CourseEditor = lazyWidget(() => import('./CourseEditor.tsx'), 'CourseEditor');

export function CoursePage() {
  const { id = '' } = useParams();
  const preview = useParticipantPreview();
  const query = useCoursePage(id);
  // In the preview, what the page shows comes from the participant's view of it.
  const shown = useCoursePage(id, { asParticipant: preview });
  // Who just enrolled through the door below is greeted on the course that then opens.
  const [joined, setJoined] = useState<string>();
  if (query.isError && query.error instanceof ApiError && query.error.status === 403)
    return <SessionDoor courseId={id} error={query.error} onJoined={setJoined} />;
  if (query.isPending || shown.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (shown.isError) return <ProblemAlert error={shown.error} />;
  // Keyed by course: the duplicate lands on the same route with another id, and its notice must show.
  return (
    <CourseView
      key={id}
      page={shown.data}
      canEdit={query.data.canEdit}
      preview={preview && query.data.canEdit}
      welcome={joined}
    />
  );
}

/**
 * A session open to self-enrolment, to someone not enrolled in it yet: its name and the way in, not its
 * content. Anything else refused stays refused.
 */
function SessionDoor({
  courseId,
  error,
  onJoined,
}: {
  courseId: string;
  error: ApiError;
  onJoined: (message: string) => void;
}) {
  const { t } = useTranslation();
  const state = useSelfEnrolment(courseId);
  if (state.isPending) return <Loading />;
  if (!state.data?.title) return <ProblemAlert error={error} />;
  return (
    <>
      <PageHeading title={state.data.title} crumbs={[]} />
      <p className="fr-mb-2w">{t('ui.selfEnrolment.doorIntro')}</p>
      <SelfEnrolButton
        courseId={courseId}
        onChange={(enrolled) => enrolled && onJoined(t('ui.selfEnrolment.justEnrolled'))}
      />
    </>
  );
}

function CourseView({
  page,
  canEdit,
  preview,
  welcome,
}: {
  page: CoursePageData;
  canEdit: boolean;
  welcome?: string | undefined;
  /** An editor looking at the page as a participant would. */
  preview: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [flash, setFlash] = useState<string | undefined>(
    (location.state as { flash?: string } | null)?.flash ?? welcome,
  );
  const { course, sections } = page;
  const editing = canEdit && !preview && params.get('edition') === '1';
  // The preview shows the course as to someone who has not started it: the editor's own trail is left out.
  const progress = useCourseProgress(course.id, !editing && !preview);
  const viewed = useMemo(() => new Set(progress.data?.viewed ?? []), [progress.data]);
  const linkSuffix = preview ? PREVIEW_SUFFIX : '';
  // What only staff see (stage, opening date, the course's other pages) stays out of the preview.
  const staff = canEdit && !preview;

  return (
    <>
      <div className={course.thumbnailUrl ? 'mg-course-head' : undefined}>
        <div>
          <PageHeading title={course.title} crumbs={[]}>
            <p className="fr-text--sm mg-muted">
              {course.shortName} · {t(`ui.courses.formats.${course.format}`)}
              {course.visibility === 'hidden' && !preview ? <HiddenBadge /> : null}
              {staff ? <StageBadge stage={course.stage} /> : null}
              {staff ? <AvailableFromNote availableFrom={course.availableFrom} /> : null}
            </p>
            <RichText html={course.summary} className="fr-mb-3w" />
          </PageHeading>
        </div>
        {/* Decorative: the title beside it names the course. */}
        {course.thumbnailUrl ? (
          <img className="mg-course-head__image" src={course.thumbnailUrl} alt="" />
        ) : null}
      </div>
      {preview ? (
        <PreviewNotice exitTo={`/parcours/${course.id}`} />
      ) : (
        <CourseNav courseId={course.id} current="content" />
      )}
      {flash ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          closable
          onClose={() => setFlash(undefined)}
          description={flash}
        />
      ) : null}
      {!editing && !preview ? <CourseSelfEnrol courseId={course.id} /> : null}
      <CourseProgressPanel courseId={course.id} show={!editing && !preview} />
      <SessionPracticalInfo course={course} show={!editing} />
      {preview ? <PreviewProgressPanel courseId={course.id} activities={flattenActivities(page)} /> : null}
      {staff ? (
        <div className="mg-modes fr-mb-4w">
          <ToggleSwitch
            label={t('ui.courses.page.editMode')}
            helperText={t('ui.courses.page.editModeHint')}
            checked={editing}
            showCheckedHint={false}
            onChange={(checked) => {
              const next = new URLSearchParams(params);
              if (checked) next.set('edition', '1');
              else next.delete('edition');
              setParams(next, { replace: true });
            }}
          />
          <Button
            priority="secondary"
            size="small"
            iconId="fr-icon-eye-line"
            linkProps={{ to: `/parcours/${course.id}?${PREVIEW_PARAM}` }}
          >
            {t('ui.courses.preview.enter')}
          </Button>
        </div>
      ) : null}
      {editing ? <CourseTools course={course} /> : null}
      {editing ? (
        <CourseEditor page={page} onFlash={setFlash} />
      ) : sections.length === 0 ? (
        <NoSections canEdit={canEdit && !preview} />
      ) : (
        <>
          {preview ? (
            <ResumeLink page={page} progress={null} linkSuffix={linkSuffix} />
          ) : progress.data ? (
            <ResumeLink page={page} progress={progress.data} />
          ) : null}
          {course.format === 'modular' ? (
            <ModularSections page={page} viewed={viewed} linkSuffix={linkSuffix} preview={preview} />
          ) : (
            sections.map((section) => (
              <SectionContent
                key={section.id}
                courseId={course.id}
                section={section}
                headingId={`section-${section.id}`}
                viewed={viewed}
                linkSuffix={linkSuffix}
                preview={preview}
              />
            ))
          )}
        </>
      )}
    </>
  );
}

/**
 * "Continue where I stopped": the first activity not done, as the progress module finds it (labels
 * skipped), or "Start the course" before anything was opened. Once everything is done, nothing to resume.
 * An editor's preview starts at the first activity to open.
 */
function ResumeLink({
  page,
  progress,
  linkSuffix = '',
}: {
  page: CoursePageData;
  progress: CourseProgress | null;
  linkSuffix?: string;
}) {
  const { t } = useTranslation();
  const all = flattenActivities(page);
  const target = progress
    ? all.find((a) => a.id === progress.resumeActivityId)
    : all.find((a) => !kindUi(a.kind).Inline);
  if (!target) return null;
  const started = (progress?.viewed.length ?? 0) > 0;
  return (
    <p className="fr-mb-4w">
      <Button
        size="large"
        iconId="fr-icon-play-line"
        linkProps={{ to: `/parcours/${page.course.id}/activite/${target.id}${linkSuffix}` }}
      >
        {started ? t('ui.courses.page.resume', { title: target.title }) : t('ui.courses.page.start')}
      </Button>
    </p>
  );
}

/** Modular format: one section at a time, with the summary as a DSFR side menu. */
function ModularSections({
  page,
  viewed,
  linkSuffix,
  preview,
}: {
  page: CoursePageData;
  viewed: ReadonlySet<string>;
  linkSuffix: string;
  preview: boolean;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { course, sections } = page;
  const index = Math.max(
    0,
    sections.findIndex((s) => s.id === params.get('section')),
  );
  const current = sections[index];
  if (!current) return null;
  const link = (sectionId: string) =>
    `/parcours/${course.id}?section=${sectionId}${linkSuffix ? `&${PREVIEW_PARAM}` : ''}`;
  const previous = sections[index - 1];
  const next = sections[index + 1];
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-4">
        <SideMenu
          title={t('ui.courses.page.summaryNav')}
          burgerMenuButtonText={t('ui.courses.page.summaryNavButton')}
          items={sections.map((s) => ({
            text: s.title,
            isActive: s.id === current.id,
            linkProps: { to: link(s.id) },
          }))}
        />
      </div>
      <div className="fr-col-12 fr-col-md-8">
        <p className="fr-text--sm mg-muted fr-mb-1w">
          {t('ui.courses.page.sectionPosition', { position: index + 1, count: sections.length })}
        </p>
        <SectionContent
          courseId={course.id}
          section={current}
          headingId={`section-${current.id}`}
          viewed={viewed}
          linkSuffix={linkSuffix}
          preview={preview}
        />
        <nav className="mg-prevnext fr-mt-4w" aria-label={t('ui.courses.page.summaryNav')}>
          {previous ? (
            <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={link(previous.id)}>
              {t('ui.courses.page.previousSection', { title: previous.title })}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={link(next.id)}>
              {t('ui.courses.page.nextSection', { title: next.title })}
            </Link>
          ) : null}
        </nav>
      </div>
    </div>
  );
}
