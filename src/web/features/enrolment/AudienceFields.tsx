/**
 * "Restreindre aux groupes", in an activity's form: the course's groups and groupings as checkboxes.
 * Shown only when the course has groups; nothing ticked means the activity is open to everyone.
 */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../../../shared/completion.ts';
import { setAudience, useCourseGroups } from '../../api/enrolment.ts';
import type { FieldErrors } from '../../components/forms.tsx';

export const NO_AUDIENCE: Audience = { groupIds: [], groupingIds: [] };

const isEmpty = (audience: Audience) => audience.groupIds.length + audience.groupingIds.length === 0;
const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Saves an activity's audience through its own route when it changed (nothing ticked: open to everyone).
 * Its refusals come back with fields under `audience.`.
 */
export async function saveAudience(activityId: string, before: Audience | null, after: Audience) {
  const was = before ?? NO_AUDIENCE;
  if (sameIds(was.groupIds, after.groupIds) && sameIds(was.groupingIds, after.groupingIds)) return;
  await setAudience(activityId, isEmpty(after) ? null : after);
}

/** The first error about the audience, whichever of its lists it names. */
function audienceError(errors: FieldErrors) {
  const key = Object.keys(errors).find((k) => k === 'audience' || k.startsWith('audience.'));
  return key ? errors[key] : undefined;
}

export function AudienceFields({
  courseId,
  value,
  onChange,
  errors,
}: {
  courseId: string;
  value: Audience;
  onChange: (audience: Audience) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const query = useCourseGroups(courseId);
  const groups = query.data?.groups ?? [];
  if (groups.length === 0) return null;
  const groupings = query.data?.groupings ?? [];
  const nameOf = new Map(groups.map((g) => [g.id, g.name]));
  const toggle = (key: keyof Audience, id: string, on: boolean) =>
    onChange({ ...value, [key]: on ? [...value[key], id] : value[key].filter((x) => x !== id) });
  const error = audienceError(errors);
  const groupBoxes = groups.map((group) => ({
    label: group.name,
    hintText: t('audience.members', { count: group.members.length }),
    nativeInputProps: {
      name: 'audience-groups',
      value: group.id,
      checked: value.groupIds.includes(group.id),
      onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
        toggle('groupIds', group.id, event.target.checked),
    },
  }));
  const errorState = error ? { state: 'error' as const, stateRelatedMessage: error } : {};
  // Without groupings, one list of groups under the title, like the form's other choices.
  if (groupings.length === 0)
    return (
      <Checkbox
        id="activite-audience"
        legend={t('audience.title')}
        hintText={t('audience.hint')}
        {...errorState}
        options={groupBoxes}
      />
    );
  return (
    <fieldset className="fr-fieldset" id="activite-audience" aria-labelledby="activite-audience-legend">
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id="activite-audience-legend">
        {t('audience.title')}
        <span className="fr-hint-text">{t('audience.hint')}</span>
      </legend>
      <div className="fr-fieldset__element">
        <Checkbox legend={t('audience.groups')} {...errorState} options={groupBoxes} />
      </div>
      <div className="fr-fieldset__element">
        <Checkbox
          legend={t('audience.groupings')}
          options={groupings.map((grouping) => ({
            label: grouping.name,
            hintText: grouping.groupIds.length
              ? t('audience.groupingOf', {
                  names: grouping.groupIds
                    .map((id) => nameOf.get(id) ?? '')
                    .filter(Boolean)
                    .join(', '),
                })
              : t('audience.emptyGrouping'),
            nativeInputProps: {
              name: 'audience-groupings',
              value: grouping.id,
              checked: value.groupingIds.includes(grouping.id),
              onChange: (event) => toggle('groupingIds', grouping.id, event.target.checked),
            },
          }))}
        />
      </div>
    </fieldset>
  );
}
