/**
 * `/parcours/:id/cycle-de-vie`: where the course stands in its life (template, construction, session…),
 * the actions open to the person now — and, for those not yet possible, what is missing — the session's
 * settings and the sessions made from this parcours.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import type { FrIconClassName } from '@codegouvfr/react-dsfr/fr/generatedFromCss/classNames.js';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import { keyIn } from '../../../shared/i18n/keys.ts';
import type { Stage, Transition, Workflow } from '../../../shared/lifecycle.ts';
import { type Course, useCoursePage } from '../../api/courses.ts';
import { useDeployment } from '../../api/hub.ts';
import {
  isSimpleMove,
  moveCourse,
  refreshLifecycle,
  type SimpleMove,
  useWorkflow,
} from '../../api/workflow.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';
import { DeploymentNotice } from '../hub/DeploymentNotice.tsx';
import { PublicationSection } from '../offers/PublicationSection.tsx';
import { CourseNav } from './CourseNav.tsx';
import {
  AnnounceModal,
  announceModal,
  CreateSessionModal,
  createSessionModal,
  OpenModal,
  openModal,
  TrashModal,
  trashModal,
} from './modals.tsx';
import { SessionSettingsForm } from './SessionSettingsForm.tsx';
import { StageBadge } from './StageBadge.tsx';

/** The stages in the order a parcours lives them (the trash is outside this line). */
const LINE: Stage[] = [
  'template',
  'construction',
  'session_preparation',
  'session_running',
  'session_archived',
];

export function LifecyclePage() {
  const { id = '' } = useParams();
  const page = useCoursePage(id);
  const workflow = useWorkflow(id);
  if (page.isPending || workflow.isPending) return <Loading />;
  if (page.isError) return <ProblemAlert error={page.error} />;
  if (workflow.isError) return <ProblemAlert error={workflow.error} />;
  // Keyed by course: a new session opens on the same route, with its own notice.
  return <Lifecycle key={id} course={page.data.course} workflow={workflow.data} />;
}

function Lifecycle({ course, workflow }: { course: Course; workflow: Workflow }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [flash, setFlash] = useState<string | undefined>(
    (location.state as { flash?: string } | null)?.flash,
  );
  const stage = workflow.stage;
  const index = LINE.indexOf(stage);
  const next = LINE[index + 1];
  const isSession = workflow.isSession;
  // A copy deployed from the course offer says where it comes from itself (its origin is another domain's).
  const deployment = useDeployment(course.id).data;

  return (
    <>
      <PageHeading
        title={t('ui.lifecycle.title')}
        crumbs={[{ label: course.title, to: `/parcours/${course.id}` }]}
      />
      <CourseNav courseId={course.id} current="lifecycle" />
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
      {stage === 'trash' ? (
        <Alert
          className="fr-mb-4w"
          severity="warning"
          as="h2"
          title={t(isSession ? 'ui.lifecycle.trashTitleSession' : 'ui.lifecycle.trashTitle')}
          description={t(isSession ? 'ui.lifecycle.trashTextSession' : 'ui.lifecycle.trashText')}
        />
      ) : (
        <Stepper
          currentStep={index + 1}
          stepCount={LINE.length}
          title={t(keyIn('workflow.stages', stage))}
          {...(next && { nextTitle: t(keyIn('workflow.stages', next)) })}
        />
      )}
      {deployment ? (
        <DeploymentNotice courseId={course.id} deployment={deployment} onDone={setFlash} />
      ) : workflow.origin ? (
        <p>
          {t(isSession ? 'ui.lifecycle.sessionOf' : 'ui.lifecycle.madeFrom')}{' '}
          <Link to={`/parcours/${workflow.origin.id}/cycle-de-vie`}>{workflow.origin.title}</Link>
        </p>
      ) : null}
      <Actions course={course} workflow={workflow} onDone={setFlash} />
      <PublicationSection course={course} stage={stage} onDone={setFlash} />
      {workflow.session ? (
        <SessionSettingsForm course={course} session={workflow.session} onSaved={setFlash} />
      ) : null}
      {stage === 'construction' || workflow.sessions.length > 0 ? <Sessions workflow={workflow} /> : null}
    </>
  );
}

/** The words of trashing and restoring say "la session" for a session, "le parcours" otherwise. */
function wordsOf<T extends Transition>(
  transition: T,
  isSession: boolean,
): T | 'trashSession' | 'restoreSession' {
  if (isSession && transition === 'trash') return 'trashSession';
  if (isSession && transition === 'restore') return 'restoreSession';
  return transition;
}

/** Where a blocker's field is filled in: the indexation page, or the session form below. */
function fieldLink(courseId: string, field: string | undefined) {
  if (!field) return undefined;
  if (field.startsWith('metadata.')) return `/parcours/${courseId}/indexation#indexation-${field.slice(9)}`;
  if (field.startsWith('session.')) return `#session-${field.slice(8)}`;
  return undefined;
}

/** The actions of this stage: the possible ones as buttons, the others with what stops them. */
function Actions({
  course,
  workflow,
  onDone,
}: {
  course: Course;
  workflow: Workflow;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<Transition>();
  const allowed = workflow.transitions.filter((x) => !x.blockers.some((b) => b.code === 'forbidden'));
  const has = (transition: Transition) => allowed.some((x) => x.transition === transition);
  const isSession = workflow.isSession;

  const FORMS: Partial<Record<Transition, () => void>> = {
    create_session: () => createSessionModal.open(),
    open: () => openModal.open(),
    announce: () => announceModal.open(),
  };

  function start(transition: Transition) {
    if (transition === 'trash') trashModal.open();
    else if (isSimpleMove(transition)) void run(transition);
    else FORMS[transition]?.();
  }

  /** The moves without a form: one request, then the page shows the new stage. */
  async function run(transition: SimpleMove) {
    setPending(transition);
    setError(undefined);
    try {
      await moveCourse(course.id, transition);
      await refreshLifecycle(queryClient, course.id);
      onDone(t(keyIn('ui.lifecycle.done', wordsOf(transition, isSession)), { title: course.title }));
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setPending(undefined);
    }
  }

  return (
    <section className="fr-mb-6w" aria-labelledby="actions-cycle">
      <h2 id="actions-cycle" className="fr-h4">
        {t('ui.lifecycle.actionsTitle')}
      </h2>
      {error ? <Alert className="fr-mb-3w" severity="error" small role="alert" description={error} /> : null}
      {allowed.length === 0 ? <p>{t('ui.lifecycle.noAction')}</p> : null}
      <ul className="mg-plain-list">
        {allowed.map(({ transition, blockers }) => (
          <li key={transition} className="fr-mb-3w">
            <Button
              priority={transition === 'trash' ? 'tertiary' : blockers.length ? 'secondary' : 'primary'}
              iconId={ICONS[transition]}
              disabled={blockers.length > 0 || pending !== undefined}
              onClick={() => start(transition)}
              nativeButtonProps={blockers.length ? { 'aria-describedby': `bloque-${transition}` } : {}}
            >
              {t(keyIn('ui.lifecycle.actions', transition))}
            </Button>
            <p className="fr-hint-text fr-mt-1v fr-mb-0">
              {t(keyIn('ui.lifecycle.hints', wordsOf(transition, isSession)))}
            </p>
            {blockers.length ? (
              <div id={`bloque-${transition}`} className="fr-messages-group fr-mt-1v">
                <p className="fr-message fr-message--error fr-mb-0">{t('ui.lifecycle.blockedIntro')}</p>
                <ul className="fr-mt-0">
                  {blockers.map((b) => {
                    const to = fieldLink(course.id, b.field);
                    // Codes and fields come from the server: one this app does not know yet shows as sent.
                    const text = t(`workflow.blockers.${b.code}`, {
                      field: b.field ? t(`workflow.fields.${b.field}`, { defaultValue: b.field }) : '',
                      defaultValue: b.code,
                    });
                    return (
                      <li key={`${b.code}-${b.field ?? ''}`} className="fr-text--sm fr-mb-0">
                        {to?.startsWith('/') ? (
                          <Link to={to}>{text}</Link>
                        ) : to ? (
                          <a href={to}>{text}</a>
                        ) : (
                          text
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {has('create_session') ? <CreateSessionModal course={course} /> : null}
      {has('open') ? (
        <OpenModal course={course} selfEnrolment={workflow.session?.selfEnrolment ?? false} onDone={onDone} />
      ) : null}
      {has('announce') ? <AnnounceModal course={course} onDone={onDone} /> : null}
      {has('trash') ? (
        <TrashModal course={course} isSession={isSession} onConfirm={() => void run('trash')} />
      ) : null}
    </section>
  );
}

const ICONS: Record<Transition, FrIconClassName> = {
  make_template: 'fr-icon-draft-line',
  unmake_template: 'fr-icon-edit-line',
  create_session: 'fr-icon-calendar-line',
  open: 'fr-icon-play-line',
  announce: 'fr-icon-mail-line',
  archive: 'fr-icon-archive-line',
  reopen: 'fr-icon-refresh-line',
  trash: 'fr-icon-delete-line',
  restore: 'fr-icon-arrow-go-back-line',
};

/** The sessions made from this parcours, newest first. */
function Sessions({ workflow }: { workflow: Workflow }) {
  const { t } = useTranslation();
  return (
    <section className="fr-mb-6w" aria-labelledby="sessions-parcours">
      <h2 id="sessions-parcours" className="fr-h4">
        {t('ui.lifecycle.sessionsTitle')}
      </h2>
      {workflow.sessions.length === 0 ? (
        <p>{t('ui.lifecycle.noSession')}</p>
      ) : (
        <Table
          bordered
          headers={[
            t('ui.lifecycle.sessionTitle'),
            t('ui.lifecycle.sessionStage'),
            t('ui.lifecycle.sessionStart'),
          ]}
          data={workflow.sessions.map((s) => [
            <Link key="t" to={`/parcours/${s.id}/cycle-de-vie`}>
              {s.title}
            </Link>,
            <StageBadge key="s" stage={s.stage} />,
            s.startsAt ? formatDate(s.startsAt) : t('ui.lifecycle.noDate'),
          ])}
        />
      )}
    </section>
  );
}
