/**
 * Self-enrolment in a session open for it, for the course page or the presentation page: "M'inscrire",
 * the seats left, and "Me désinscrire" (with a confirmation) for those who enrolled themselves. Shows
 * nothing when the course is not a session open to self-enrolment and the person is not enrolled.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.ts';
import { accountKeys } from '../../api/accounts.ts';
import { completionKeys } from '../../api/completion.ts';
import { courseKeys } from '../../api/courses.ts';
import { enrolmentKeys, setSelfEnrolment, useSelfEnrolment } from '../../api/enrolment.ts';
import { useCourseCapabilities } from '../../api/roles.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/**
 * The course page's offer to join: for someone of the domain who lands on a session open to
 * self-enrolment. The course's staff (those who see hidden things: trainers, tutors, designers) are not
 * offered a participant's seat.
 */
export function CourseSelfEnrol({ courseId }: { courseId: string }) {
  const capabilities = useCourseCapabilities(courseId);
  if (!capabilities.data || capabilities.data.includes('course:viewhidden')) return null;
  return <SelfEnrolButton courseId={courseId} quietWhenEnrolled />;
}

const leaveModal = createModal({ id: 'modale-auto-desinscription', isOpenedByDefault: false });

export function SelfEnrolButton({
  courseId,
  onChange,
  quietWhenEnrolled = false,
}: {
  courseId: string;
  onChange?: (enrolled: boolean) => void;
  /** On the course itself, being enrolled goes without saying: only leaving (if one may) is shown. */
  quietWhenEnrolled?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useSelfEnrolment(courseId);
  const [error, setError] = useState<unknown>();
  const [flash, setFlash] = useState<string>();
  const [pending, setPending] = useState(false);

  async function act(method: 'POST' | 'DELETE') {
    setPending(true);
    setError(undefined);
    try {
      const state = await setSelfEnrolment(courseId, method === 'POST');
      queryClient.setQueryData(enrolmentKeys.self(courseId), state);
      // Told first: the page holding this button may give way to the course as soon as access is refetched.
      onChange?.(state.enrolled);
      // Access to the course, the menus' capabilities and the lists of courses changed.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.me }),
        queryClient.invalidateQueries({ queryKey: courseKeys.all }),
        queryClient.invalidateQueries({ queryKey: enrolmentKeys.all(courseId) }),
        // The progress bar appears (or goes) with the enrolment.
        queryClient.invalidateQueries({ queryKey: completionKeys.course(courseId) }),
        queryClient.invalidateQueries({ queryKey: completionKeys.mine }),
      ]);
      setFlash(method === 'POST' ? t('ui.selfEnrolment.justEnrolled') : t('ui.selfEnrolment.unenrolled'));
    } catch (e) {
      setError(e);
      await queryClient.invalidateQueries({ queryKey: enrolmentKeys.self(courseId) });
    } finally {
      setPending(false);
    }
  }

  const state = query.data;
  if (!state) return null;
  const quiet = !state.enrolled && !state.canEnrol && state.reason !== 'sessionFull';
  if (quiet && !flash && !error) return null;
  if (quietWhenEnrolled && state.enrolled && !state.canUnenrol && !flash && !error) return null;
  return (
    <div className="fr-my-3w">
      {flash ? (
        <Alert className="fr-mb-2w" severity="success" small role="status" description={flash} />
      ) : null}
      {error ? <ProblemAlert error={error} className="fr-mb-2w" /> : null}
      {state.enrolled ? (
        <>
          {flash ? null : <p className="fr-mb-1w">{t('ui.selfEnrolment.enrolled')}</p>}
          {state.canUnenrol ? (
            <Button
              priority="secondary"
              iconId="fr-icon-close-line"
              disabled={pending}
              nativeButtonProps={leaveModal.buttonProps}
            >
              {t('ui.selfEnrolment.unenrol')}
            </Button>
          ) : null}
        </>
      ) : state.canEnrol ? (
        <>
          <Button iconId="fr-icon-user-add-line" disabled={pending} onClick={() => void act('POST')}>
            {t('ui.selfEnrolment.enrol')}
          </Button>
          {state.seatsLeft !== null ? (
            <p className="fr-text--sm fr-mt-1w fr-mb-0">
              {t('ui.selfEnrolment.seatsLeft', { count: state.seatsLeft, n: formatNumber(state.seatsLeft) })}
            </p>
          ) : null}
        </>
      ) : state.reason === 'sessionFull' ? (
        <p className="fr-mb-0">{t('ui.selfEnrolment.full')}</p>
      ) : null}
      <ConfirmModal
        modal={leaveModal}
        title={t('ui.selfEnrolment.unenrolTitle')}
        confirmLabel={t('ui.selfEnrolment.unenrolConfirm')}
        confirmIcon="fr-icon-close-line"
        onConfirm={() => void act('DELETE')}
      >
        {t('ui.selfEnrolment.unenrolText')}
      </ConfirmModal>
    </div>
  );
}
