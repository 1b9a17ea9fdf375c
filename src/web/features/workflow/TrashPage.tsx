/** `/corbeille`: the courses and sessions put in the trash, which the person may restore. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import type { Course } from '../../api/courses.ts';
import { moveCourse, refreshLifecycle, useTrash } from '../../api/workflow.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';

export function TrashPage() {
  const { t } = useTranslation();
  const query = useTrash();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  // A restored course leaves the list: the notice keeps the way to it.
  const [notice, setNotice] = useState<{ ok: boolean; text: string; courseId?: string }>();

  async function restore(course: Course) {
    try {
      const restored = await moveCourse(course.id, 'restore');
      await refreshLifecycle(queryClient, course.id);
      setNotice({
        ok: true,
        text: t('ui.lifecycle.trashPage.restored', {
          title: restored.title,
          stage: t(`workflow.stages.${restored.stage}`),
        }),
        courseId: restored.id,
      });
    } catch (error) {
      setNotice({ ok: false, text: problemMessage(error) });
    }
  }

  return (
    <>
      <PageHeading title={t('ui.lifecycle.trashPage.title')} crumbs={[]}>
        <p>{t('ui.lifecycle.trashPage.intro')}</p>
      </PageHeading>
      {notice ? (
        <Alert
          className="fr-mb-3w"
          severity={notice.ok ? 'success' : 'error'}
          small
          closable
          onClose={() => setNotice(undefined)}
          description={
            notice.courseId ? (
              <>
                {notice.text}{' '}
                <Link to={`/parcours/${notice.courseId}/cycle-de-vie`}>
                  {t('ui.lifecycle.trashPage.restoredLink')}
                </Link>
              </>
            ) : (
              notice.text
            )
          }
        />
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <EmptyState
          message={t('ui.lifecycle.trashPage.empty')}
          next={t('ui.lifecycle.trashPage.emptyHint')}
        />
      ) : (
        <Table
          bordered
          headers={[
            t('ui.lifecycle.trashPage.course'),
            t('ui.lifecycle.trashPage.since'),
            t('ui.common.actions'),
          ]}
          data={query.data.map((course) => [
            <Link key="t" to={`/parcours/${course.id}/cycle-de-vie`}>
              {course.title}
            </Link>,
            formatDateTime(course.updatedAt),
            <Button
              key="r"
              size="small"
              priority="secondary"
              iconId="fr-icon-arrow-go-back-line"
              onClick={() => void restore(course)}
              nativeButtonProps={{
                'aria-label': t('ui.lifecycle.trashPage.restoreNamed', { title: course.title }),
              }}
            >
              {t('ui.lifecycle.actions.restore')}
            </Button>,
          ])}
        />
      )}
    </>
  );
}
