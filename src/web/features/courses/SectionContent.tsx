/** A section as participants see it: title, description, activities (labels in place, others as links). */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary, Section } from '../../api/courses.ts';
import { AvailableFromNote, opensLater } from '../../components/AvailableFromField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { RichText } from '../../components/RichTextEditor.tsx';
import { kindText, kindUi } from '../activities/registry.tsx';
import { ActivityCompletion } from '../completion/ActivityCompletion.tsx';
import { useShowsCompletion } from '../completion/queries.ts';
import { AudienceBadge } from '../enrolment/AudienceBadge.tsx';

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

/** The kind's name, then what its summary tells (a link's site, a file's format and size). */
export function ActivityKindLine({ activity }: { activity: ActivitySummary }) {
  const { t, i18n } = useTranslation();
  const detail = kindUi(activity.kind).detail?.(activity.summary ?? {}, { t, language: i18n.language });
  return (
    <p className="fr-text--xs fr-mb-0 mg-activity__kind">
      {kindText(t, activity.kind).name}
      {detail ? <span className="mg-break">{` · ${detail}`}</span> : null}
      <AvailableFromNote availableFrom={activity.availableFrom} />
    </p>
  );
}

/** One activity of the course page: a link to its view, or the label itself. */
export function ActivityItem({
  courseId,
  activity,
  viewed = false,
  linkSuffix = '',
  preview = false,
}: {
  courseId: string;
  activity: ActivitySummary;
  viewed?: boolean;
  /** Added to the activity's link (the participant preview keeps itself on). */
  linkSuffix?: string;
  /** The participant preview: completion as for someone who has not started. */
  preview?: boolean;
}) {
  const ui = kindUi(activity.kind);
  const completionShown = useShowsCompletion(courseId, activity.completion?.mode, !ui.Inline && !preview);
  const hidden = activity.visibility === 'hidden';
  if (ui.Inline) {
    return (
      <div className={hidden ? 'mg-dimmed' : undefined}>
        {hidden || opensLater(activity.availableFrom) || activity.restrictedTo ? (
          <p className="fr-mb-1w">
            {hidden ? <HiddenBadge /> : null}
            <AudienceBadge restrictedTo={activity.restrictedTo} />
            <AvailableFromNote availableFrom={activity.availableFrom} />
          </p>
        ) : null}
        <ui.Inline activity={activity} headingLevel="h3" />
      </div>
    );
  }
  return (
    <div className={`mg-activity${hidden ? ' mg-dimmed' : ''}`}>
      <span className={`${ui.icon} mg-activity__icon`} aria-hidden="true" />
      <div>
        <Link
          className="fr-link mg-activity__title"
          to={`/parcours/${courseId}/activite/${activity.id}${linkSuffix}`}
        >
          {activity.title}
        </Link>
        {hidden ? <HiddenBadge /> : null}
        <AudienceBadge restrictedTo={activity.restrictedTo} />
        {viewed && !completionShown ? <ViewedBadge /> : null}
        <ActivityKindLine activity={activity} />
        <ActivityCompletion courseId={courseId} activity={activity} preview={preview} />
      </div>
    </div>
  );
}

export function SectionContent({
  courseId,
  section,
  headingId,
  viewed,
  linkSuffix,
  preview = false,
}: {
  courseId: string;
  section: Section;
  headingId: string;
  /** Ids of the activities the person has opened, marked "Consulté" (when no completion state says more). */
  viewed?: ReadonlySet<string>;
  linkSuffix?: string;
  preview?: boolean;
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
                {...(linkSuffix ? { linkSuffix } : {})}
                preview={preview}
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
