/**
 * The participant filter: every criterion of `FollowupCriteria` as DSFR fields, applied when the form is
 * submitted (not on every keystroke: a trainer composes "group B, below 50 %" and then looks).
 */
import { Accordion } from '@codegouvfr/react-dsfr/Accordion.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENROLLED_ROLES, FollowupCriteria, type FollowupGrid } from '../../../shared/followup.ts';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, type FieldErrors, fieldId } from '../../components/forms.tsx';

/** The group of the messages `FollowupCriteria` gives its issues. */
const SCHEMA_MESSAGES = 'errors.followup';

type Condition = { key: number; activityId: string; state: 'done' | 'notDone' };
type Meta = Pick<FollowupGrid, 'activities' | 'groups' | 'facets'>;

const FORM = 'filtre-suivi';
let nextKey = 1;

function conditionsOf(criteria: FollowupCriteria): Condition[] {
  return [
    ...(criteria.done ?? []).map((activityId) => ({ key: nextKey++, activityId, state: 'done' as const })),
    ...(criteria.notDone ?? []).map((activityId) => ({
      key: nextKey++,
      activityId,
      state: 'notDone' as const,
    })),
  ];
}

/** The form's values as criteria (not yet validated): empty fields are left out. */
function readCriteria(form: HTMLFormElement, conditions: Condition[]): Record<string, unknown> {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const number = (name: string) => {
    const value = text(name);
    if (value === '') return undefined;
    return /^\d+$/.test(value) ? Number(value) : value;
  };
  const list = (name: string) => {
    const values = data.getAll(name).map(String).filter(Boolean);
    return values.length ? values : undefined;
  };
  const one = (name: string) => (text(name) ? [text(name)] : undefined);
  const activities = (state: Condition['state']) => {
    const ids = conditions.filter((c) => c.activityId && c.state === state).map((c) => c.activityId);
    return ids.length ? [...new Set(ids)] : undefined;
  };
  const raw: Record<string, unknown> = {
    q: text('q') || undefined,
    groupIds: list('groupIds'),
    roles: list('roles'),
    done: activities('done'),
    notDone: activities('notDone'),
    progressMin: number('progressMin'),
    progressBelow: number('progressBelow'),
    lastAccessSince: text('lastAccessSince') || undefined,
    lastAccessBefore: text('lastAccessBefore') || undefined,
    neverAccessed: data.get('neverAccessed') ? true : undefined,
    academies: one('academie'),
    departements: one('departement'),
    disciplines: one('discipline'),
  };
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
}

/** Give it `key={JSON.stringify(criteria)}`: the form starts again from the criteria applied. */
export function FilterPanel({
  meta,
  criteria,
  onApply,
}: {
  meta: Meta;
  criteria: FollowupCriteria;
  onApply: (criteria: FollowupCriteria) => void;
}) {
  const { t } = useTranslation();
  const [conditions, setConditions] = useState<Condition[]>(() => conditionsOf(criteria));
  const [errors, setErrors] = useState<FieldErrors>({});
  const labels: Record<string, string> = {
    q: t('ui.followup.filter.q'),
    progressMin: `${t('ui.followup.filter.progress')} — ${t('ui.followup.filter.progressMin')}`,
    progressBelow: `${t('ui.followup.filter.progress')} — ${t('ui.followup.filter.progressBelow')}`,
    lastAccessSince: `${t('ui.followup.filter.access')} — ${t('ui.followup.filter.lastAccessSince')}`,
    lastAccessBefore: `${t('ui.followup.filter.access')} — ${t('ui.followup.filter.lastAccessBefore')}`,
    notDone: t('ui.followup.filter.activities'),
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = readCriteria(event.currentTarget, conditions);
    const parsed = FollowupCriteria.safeParse(raw);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        if (next[name]) continue;
        // The schema's own messages are keys under `errors.followup`; zod's (in English) are not shown.
        const invalid = t('ui.validation.invalid');
        next[name] = issue.message.startsWith(`${SCHEMA_MESSAGES}.`)
          ? t(issue.message, { defaultValue: invalid })
          : invalid;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    onApply(parsed.data);
  }

  function reset() {
    setErrors({});
    setConditions([]);
    onApply({});
  }

  const profileSelect = (
    name: 'academie' | 'departement' | 'discipline',
    values: string[],
    current?: string[],
  ) => (
    <div className="fr-col-12 fr-col-md-4">
      <Select
        label={t(`ui.followup.filter.${name}`)}
        nativeSelectProps={{ name, defaultValue: current?.[0] ?? '', id: fieldId(FORM, name) }}
      >
        <option value="">
          {name === 'departement' ? t('ui.followup.filter.anyMasc') : t('ui.followup.filter.any')}
        </option>
        {values.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </Select>
    </div>
  );

  return (
    <Accordion label={t('ui.followup.filter.title')} titleAs="h2" defaultExpanded className="fr-mb-3w">
      <ErrorSummary form={FORM} errors={errors} labels={labels} as="h3" />
      <form id={FORM} noValidate onSubmit={submit}>
        <p className="fr-hint-text">{t('ui.followup.filter.hint')}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <TextField
              form={FORM}
              name="q"
              errors={errors}
              label={labels.q}
              hint={t('ui.followup.filter.qHint')}
              type="search"
              defaultValue={criteria.q ?? ''}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Checkbox
              legend={t('ui.followup.filter.roles')}
              hintText={t('ui.followup.filter.rolesHint')}
              orientation="horizontal"
              small
              options={ENROLLED_ROLES.map((role) => ({
                label: t(`ui.roles.${role}`),
                nativeInputProps: {
                  name: 'roles',
                  value: role,
                  defaultChecked: criteria.roles?.includes(role) ?? false,
                },
              }))}
            />
          </div>
        </div>
        {meta.groups.length > 0 ? (
          <Checkbox
            legend={t('ui.followup.filter.groups')}
            hintText={t('ui.followup.filter.groupsHint')}
            orientation="horizontal"
            small
            options={meta.groups.map((group) => ({
              label: group.name,
              nativeInputProps: {
                name: 'groupIds',
                value: group.id,
                defaultChecked: criteria.groupIds?.includes(group.id) ?? false,
              },
            }))}
          />
        ) : null}
        <div className="fr-grid-row fr-grid-row--gutters">
          <fieldset className="fr-col-12 fr-col-md-5 mg-fieldset">
            <legend className="fr-text--bold fr-mb-1w">{t('ui.followup.filter.progress')}</legend>
            <p className="fr-hint-text">{t('ui.followup.filter.progressHint')}</p>
            <div className="mg-inline-fields">
              {(['progressMin', 'progressBelow'] as const).map((name) => (
                <TextField
                  key={name}
                  form={FORM}
                  name={name}
                  errors={errors}
                  label={t(`ui.followup.filter.${name}`)}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  defaultValue={criteria[name] ?? ''}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="fr-col-12 fr-col-md-7 mg-fieldset">
            <legend className="fr-text--bold fr-mb-1w">{t('ui.followup.filter.access')}</legend>
            <div className="mg-inline-fields">
              {(['lastAccessSince', 'lastAccessBefore'] as const).map((name) => (
                <TextField
                  key={name}
                  form={FORM}
                  name={name}
                  errors={errors}
                  label={t(`ui.followup.filter.${name}`)}
                  type="date"
                  defaultValue={criteria[name] ?? ''}
                />
              ))}
            </div>
            <Checkbox
              small
              options={[
                {
                  label: t('ui.followup.filter.neverAccessed'),
                  nativeInputProps: {
                    name: 'neverAccessed',
                    value: 'true',
                    defaultChecked: criteria.neverAccessed ?? false,
                  },
                },
              ]}
            />
          </fieldset>
        </div>
        {meta.activities.length > 0 ? (
          <fieldset className="mg-fieldset fr-mb-2w" id={fieldId(FORM, 'notDone')} tabIndex={-1}>
            <legend className="fr-text--bold fr-mb-1w">{t('ui.followup.filter.activities')}</legend>
            {errors.notDone ? <p className="fr-error-text fr-mt-0">{errors.notDone}</p> : null}
            {conditions.map((condition, i) => (
              <div className="fr-grid-row fr-grid-row--gutters mg-align-end" key={condition.key}>
                <div className="fr-col-12 fr-col-md-6">
                  <Select
                    label={`${t('ui.followup.filter.activity')} ${i + 1}`}
                    nativeSelectProps={{
                      value: condition.activityId,
                      onChange: (event) =>
                        setConditions((list) =>
                          list.map((c) =>
                            c.key === condition.key ? { ...c, activityId: event.target.value } : c,
                          ),
                        ),
                    }}
                  >
                    <option value="">{t('ui.followup.filter.chooseActivity')}</option>
                    {meta.activities.map((activity) => (
                      <option key={activity.id} value={activity.id}>
                        {activity.title}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="fr-col-8 fr-col-md-3">
                  <Select
                    label={`${t('ui.followup.filter.state')} ${i + 1}`}
                    nativeSelectProps={{
                      value: condition.state,
                      onChange: (event) =>
                        setConditions((list) =>
                          list.map((c) =>
                            c.key === condition.key
                              ? { ...c, state: event.target.value as Condition['state'] }
                              : c,
                          ),
                        ),
                    }}
                  >
                    <option value="done">{t('ui.followup.filter.done')}</option>
                    <option value="notDone">{t('ui.followup.filter.notDone')}</option>
                  </Select>
                </div>
                <div className="fr-col-4 fr-col-md-3 fr-mb-3w">
                  <Button
                    type="button"
                    priority="tertiary"
                    size="small"
                    iconId="fr-icon-delete-line"
                    onClick={() => setConditions((list) => list.filter((c) => c.key !== condition.key))}
                  >
                    {t('ui.followup.filter.removeCondition')}
                  </Button>
                </div>
              </div>
            ))}
            <Button
              className={conditions.length ? 'fr-mt-1w' : undefined}
              type="button"
              priority="secondary"
              size="small"
              iconId="fr-icon-add-line"
              onClick={() =>
                setConditions((list) => [...list, { key: nextKey++, activityId: '', state: 'notDone' }])
              }
            >
              {t('ui.followup.filter.addCondition')}
            </Button>
          </fieldset>
        ) : null}
        <fieldset className="mg-fieldset">
          <legend className="fr-text--bold fr-mb-1w">{t('ui.followup.filter.profile')}</legend>
          <div className="fr-grid-row fr-grid-row--gutters">
            {profileSelect('academie', meta.facets.academies, criteria.academies)}
            {profileSelect('departement', meta.facets.departements, criteria.departements)}
            {profileSelect('discipline', meta.facets.disciplines, criteria.disciplines)}
          </div>
        </fieldset>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-2w">
          <li>
            <Button type="submit" iconId="fr-icon-filter-line">
              {t('ui.followup.filter.apply')}
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={reset}>
              {t('ui.followup.filter.reset')}
            </Button>
          </li>
        </ul>
      </form>
    </Accordion>
  );
}
