/** A section as participants see it: title, description, activities (labels in place, others as links). */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity, Section } from '../../api/courses.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { RichText } from '../../components/RichTextEditor.tsx';
import { kindText, kindUi } from '../activities/registry.tsx';
import { ActivityCompletion } from '../completion/ActivityCompletion.tsx';

export function HiddenBadge() {
  const { t } = useTranslation();
  return (
    <Badge small noIcon severity="warning" as="span" className="fr-ml-1w">
      {t('ui.courses.page.hidden')}
    </Badge>
  );
}

/** Discreet mark of an activity the person has already opened. */
export function ViewedBadge() {
  const { t } = useTranslation();
  return (
    <Badge small severity="success" as="span" className="fr-ml-1w">
      {t('ui.courses.page.viewed')}
    </Badge>
  );
}

/** One activity of the course page: a link to its view, or the label itself. */
export function ActivityItem({
  courseId,
  activity,
  viewed = false,
}: {
  courseId: string;
  activity: Activity;
  viewed?: boolean;
}) {
  const { t } = useTranslation();
  const ui = kindUi(activity.kind);
  const hidden = activity.visibility === 'hidden';
  if (ui.inline) {
    return (
      <div className={hidden ? 'mg-dimmed' : undefined}>
        {hidden ? (
          <p className="fr-mb-1w">
            <HiddenBadge />
          </p>
        ) : null}
        <ui.View activity={activity} headingLevel="h3" />
      </div>
    );
  }
  return (
    <div className={`mg-activity${hidden ? ' mg-dimmed' : ''}`}>
      <span className={`${ui.icon} mg-activity__icon`} aria-hidden="true" />
      <div>
        <Link className="fr-link mg-activity__title" to={`/parcours/${courseId}/activite/${activity.id}`}>
          {activity.title}
        </Link>
        {hidden ? <HiddenBadge /> : null}
        {viewed ? <ViewedBadge /> : null}
        <p className="fr-text--xs fr-mb-0 mg-activity__kind">{kindText(t, activity.kind).name}</p>
        <ActivityCompletion courseId={courseId} activity={activity} />
      </div>
    </div>
  );
}

export function SectionContent({
  courseId,
  section,
  headingId,
  viewed,
}: {
  courseId: string;
  section: Section;
  headingId: string;
  /** Ids of the activities the person has opened, marked "Consulté". */
  viewed?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  return (
    <section className="mg-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-h3">
        {section.title}
        {section.visibility === 'hidden' ? <HiddenBadge /> : null}
      </h2>
      <RichText html={section.description} className="fr-mb-2w" />
      {section.activities.length === 0 ? (
        <p className="fr-text--sm mg-muted">{t('ui.courses.page.emptySection')}</p>
      ) : (
        <ul className="mg-activities">
          {section.activities.map((activity) => (
            <li key={activity.id}>
              <ActivityItem
                courseId={courseId}
                activity={activity}
                viewed={viewed?.has(activity.id) ?? false}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NoSections({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return canEdit ? (
    <EmptyState message={t('ui.courses.page.emptySections')} next={t('ui.courses.page.emptySectionsNext')} />
  ) : (
    <EmptyState message={t('ui.courses.page.emptySectionsParticipant')} />
  );
}
