/**
 * `/parcours/:id/suivi`: the follow-up of a session's participants — the filter, the active criteria
 * and saved filters, the result count, the actions on the result (exports, message, reminder) and the
 * grid. The filter, the order and the page live in the address.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FollowupCriteria, FollowupSort } from '../../../shared/followup.ts';
import { useCoursePage } from '../../api/courses.ts';
import { exportUrl, PAGE_SIZE, useFollowupGrid, useSavedFilters } from '../../api/followup.ts';
import { useCan } from '../../app/auth.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ComposeModal, messageModal, remindModal } from './ComposeModals.tsx';
import { CriteriaBar } from './CriteriaBar.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { GridTable } from './GridTable.tsx';
import { type GridView, readView, viewQuery } from './view.ts';
import './followup.css';
import { ListPages } from '../../components/lists.tsx';
import { CourseNav } from '../workflow/CourseNav.tsx';

export function FollowupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { view, invalid } = readView(params);
  const course = useCoursePage(id);
  const grid = useFollowupGrid(id, viewQuery(view));
  const saved = useSavedFilters(id);
  const canMessage = useCan('followup:message');
  const canRemind = useCan('followup:remind');
  const [flash, setFlash] = useState<{ text: string; remindersLink?: boolean }>();
  const title = course.data?.course.title ?? '';

  const go = (next: GridView) => {
    setFlash(undefined);
    setParams(viewQuery(next));
  };
  const applyCriteria = (criteria: FollowupCriteria) => go({ ...view, criteria, page: 1 });
  const sortBy = (sort: FollowupSort, order: 'asc' | 'desc') => go({ ...view, sort, order, page: 1 });
  const pageLink = (page: number) => ({ to: `?${viewQuery({ ...view, page }).toString()}` });

  const data = grid.data;
  const filtering = Object.keys(view.criteria).length > 0;

  return (
    <>
      <PageHeading
        title={t('ui.followup.title')}
        crumbs={title ? [{ label: title, to: `/parcours/${id}` }] : []}
      >
        <p>{t('ui.followup.intro')}</p>
      </PageHeading>
      <CourseNav courseId={id} current="followup" />
      {invalid ? (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          small
          description={t('ui.followup.filter.invalidLink')}
        />
      ) : null}
      {grid.isPending ? (
        <Loading />
      ) : grid.isError && !data ? (
        <ProblemAlert error={grid.error} />
      ) : data ? (
        data.enrolled === 0 && !view.criteria.roles ? (
          <EmptyState
            message={t('ui.followup.empty.noParticipants')}
            next={t('ui.followup.empty.noParticipantsNext')}
          />
        ) : (
          <>
            {grid.isError ? <ProblemAlert error={grid.error} /> : null}
            <FilterPanel
              key={JSON.stringify(view.criteria)}
              meta={data}
              criteria={view.criteria}
              onApply={applyCriteria}
            />
            <CriteriaBar
              courseId={id}
              meta={data}
              criteria={view.criteria}
              savedFilters={saved.data ?? []}
              onChange={applyCriteria}
            />
            <p className="fr-text--lg fr-text--bold fr-mb-2w" role="status">
              {filtering
                ? t('ui.followup.count', { count: data.total, enrolled: data.enrolled })
                : t('ui.followup.countAll', { count: data.total })}
            </p>
            {flash ? (
              <Alert
                className="fr-mb-3w"
                severity="success"
                small
                role="status"
                description={
                  <>
                    {flash.text}{' '}
                    {flash.remindersLink ? (
                      <Link to={`/parcours/${id}/relances`}>{t('ui.followup.remind.seeAll')}</Link>
                    ) : null}
                  </>
                }
              />
            ) : null}
            {data.total > 0 ? (
              <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left fr-mb-2w">
                <li>
                  <a
                    className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
                    href={exportUrl(id, viewQuery(view, false), 'csv')}
                    download
                  >
                    {t('ui.followup.actions.exportCsv')}
                  </a>
                </li>
                <li>
                  <a
                    className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
                    href={exportUrl(id, viewQuery(view, false), 'xlsx')}
                    download
                  >
                    {t('ui.followup.actions.exportXlsx')}
                  </a>
                </li>
                {canMessage ? (
                  <li>
                    <Button size="small" iconId="fr-icon-mail-line" onClick={() => messageModal.open()}>
                      {t('ui.followup.actions.message')}
                    </Button>
                  </li>
                ) : null}
                {canRemind ? (
                  <li>
                    <Button
                      size="small"
                      iconId="fr-icon-notification-3-line"
                      onClick={() => remindModal.open()}
                    >
                      {t('ui.followup.actions.remind')}
                    </Button>
                  </li>
                ) : null}
              </ul>
            ) : null}
            {data.activities.length === 0 ? (
              <EmptyState
                message={t('ui.followup.empty.noActivities')}
                next={t('ui.followup.empty.noActivitiesNext')}
              />
            ) : null}
            {data.total === 0 ? (
              <EmptyState
                message={t('ui.followup.empty.noMatch')}
                next={t('ui.followup.empty.noMatchNext')}
              />
            ) : (
              <>
                <GridTable grid={data} view={view} onSort={sortBy} />
                <ListPages
                  className="fr-mt-3w"
                  total={data.total}
                  perPage={PAGE_SIZE}
                  page={view.page}
                  link={pageLink}
                />
              </>
            )}
            <ComposeModal
              kind="message"
              courseId={id}
              courseTitle={title}
              criteria={view.criteria}
              recipients={data.total}
              onSent={(count) => setFlash({ text: t('ui.followup.message.sent', { count }) })}
            />
            <ComposeModal
              kind="remind"
              courseId={id}
              courseTitle={title}
              criteria={view.criteria}
              recipients={data.total}
              onSent={(count) =>
                setFlash({ text: t('ui.followup.remind.sent', { count }), remindersLink: true })
              }
            />
          </>
        )
      ) : null}
    </>
  );
}
