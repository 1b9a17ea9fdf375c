/**
 * `/parcours/:id/achevement`: the completion condition of every activity, editable in place, and what
 * completing the course takes (every tracked activity, or the chosen ones). One form, one save.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import type { CompletionMode } from '../../../shared/completion.ts';
import {
  type CompletionRule,
  type CourseCompletionCriteria,
  completionKeys,
  saveCompletionCriteria,
  useCompletionCriteria,
} from '../../api/completion.ts';
import {
  type ActivityKindInfo,
  type ActivitySummary,
  type CoursePage,
  courseKeys,
  updateActivity,
  useActivityKinds,
  useCoursePage,
} from '../../api/courses.ts';
import { ErrorSummary, type FieldErrors, fieldId, problemFieldErrors } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';
import { kindText } from '../activities/registry.tsx';
import { CourseNav } from '../workflow/CourseNav.tsx';

const FORM = 'achevement';

export function CompletionSettingsPage() {
  const { id = '' } = useParams();
  const page = useCoursePage(id);
  const criteria = useCompletionCriteria(id);
  const kinds = useActivityKinds(page.data?.canEdit ?? false);
  if (page.isError) return <ProblemAlert error={page.error} />;
  if (page.data && !page.data.canEdit) return <Navigate to={`/parcours/${id}`} replace />;
  if (criteria.isError) return <ProblemAlert error={criteria.error} />;
  if (kinds.isError) return <ProblemAlert error={kinds.error} />;
  if (!page.data || !criteria.data || !kinds.data) return <Loading />;
  return <CompletionSettingsForm key={id} page={page.data} criteria={criteria.data} kinds={kinds.data} />;
}

const sameRule = (a: CompletionRule, b: CompletionRule) =>
  a.mode === b.mode && (a.mode !== 'grade' || (b.mode === 'grade' && a.passGrade === b.passGrade));

function CompletionSettingsForm({
  page,
  criteria,
  kinds,
}: {
  page: CoursePage;
  criteria: CourseCompletionCriteria;
  kinds: ActivityKindInfo[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const { course } = page;
  const all = page.sections.flatMap((s) => s.activities);
  const modesOf = (activity: ActivitySummary): CompletionMode[] =>
    kinds.find((k) => k.kind === activity.kind)?.completionModes ?? ['none'];
  const [saved, setSaved] = useState<Record<string, CompletionRule>>(() =>
    Object.fromEntries(all.map((a) => [a.id, a.completion])),
  );
  const [modes, setModes] = useState<Record<string, CompletionMode>>(() =>
    Object.fromEntries(all.map((a) => [a.id, a.completion.mode])),
  );
  const [grades, setGrades] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      all.map((a) => [a.id, a.completion.mode === 'grade' ? String(a.completion.passGrade) : '50']),
    ),
  );
  const [which, setWhich] = useState<'all' | 'chosen'>(criteria.activities === 'all' ? 'all' : 'chosen');
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(criteria.activities === 'all' ? [] : criteria.activities),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  const tracked = all.filter((a) => modes[a.id] !== 'none');
  const labels: Record<string, string> = {
    ...Object.fromEntries(
      all.flatMap((a) => [
        [`${a.id}.mode`, a.title],
        [`${a.id}.passGrade`, `${a.title} — ${t('ui.completion.fields.passGrade')}`],
      ]),
    ),
    criteria: t('ui.completion.settings.criteriaChosenLegend'),
  };
  const ruleOf = (activity: ActivitySummary): CompletionRule => {
    const mode = modes[activity.id] ?? 'none';
    return mode === 'grade' ? { mode, passGrade: Number(grades[activity.id]) } : { mode };
  };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const found: FieldErrors = {};
    for (const activity of all) {
      const rule = ruleOf(activity);
      if (
        rule.mode === 'grade' &&
        !(grades[activity.id] !== '' && rule.passGrade >= 0 && rule.passGrade <= 100)
      )
        found[`${activity.id}.passGrade`] = t('ui.validation.invalid');
    }
    const chosenTracked = tracked.filter((a) => chosen.has(a.id)).map((a) => a.id);
    if (which === 'chosen' && chosenTracked.length === 0)
      found.criteria = t('ui.completion.settings.criteriaChooseOne');
    setErrors(found);
    setMessage(undefined);
    if (Object.keys(found).length) return;
    setPending(true);
    const failed: FieldErrors = {};
    try {
      for (const activity of all) {
        const rule = ruleOf(activity);
        if (sameRule(rule, saved[activity.id]!)) continue;
        try {
          await updateActivity(activity.id, { completion: rule });
          setSaved((current) => ({ ...current, [activity.id]: rule }));
        } catch (error) {
          const fields = problemFieldErrors(error);
          failed[`${activity.id}.${fields['completion.passGrade'] ? 'passGrade' : 'mode'}`] =
            fields['completion.passGrade'] ?? fields['completion.mode'] ?? problemMessage(error);
        }
      }
      if (Object.keys(failed).length === 0) {
        await saveCompletionCriteria(course.id, { activities: which === 'all' ? 'all' : chosenTracked });
        setDone(true);
      }
      setErrors(failed);
    } catch (error) {
      const fields = problemFieldErrors(error);
      if (Object.keys(fields).length) setErrors({ criteria: Object.values(fields)[0]! });
      else setMessage(problemMessage(error));
    } finally {
      setPending(false);
      await queryClient.invalidateQueries({ queryKey: courseKeys.page(course.id) });
      await queryClient.invalidateQueries({ queryKey: completionKeys.criteria(course.id) });
    }
  }

  return (
    <>
      <PageHeading
        title={t('ui.completion.settings.title')}
        crumbs={[{ label: course.title, to: `/parcours/${course.id}` }]}
      >
        <p>{t('ui.completion.settings.intro')}</p>
      </PageHeading>
      <CourseNav courseId={course.id} current="completion" />
      {done ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          closable
          onClose={() => setDone(false)}
          description={t('ui.completion.settings.saved')}
        />
      ) : null}
      <ErrorSummary form={FORM} errors={errors} labels={labels} message={message} />
      <form noValidate onSubmit={submit}>
        <h2 className="fr-h4">{t('ui.completion.settings.activitiesTitle')}</h2>
        <p className="fr-text--sm mg-muted">
          {t('ui.completion.settings.trackedCount', { count: tracked.length })}
        </p>
        {all.length === 0 ? <p>{t('ui.completion.settings.activitiesEmpty')}</p> : null}
        {page.sections
          .filter((section) => section.activities.length > 0)
          .map((section) => (
            <section key={section.id} className="fr-mb-4w" aria-labelledby={`achevement-${section.id}`}>
              <h3 id={`achevement-${section.id}`} className="fr-h6 fr-mb-2w">
                {section.title}
              </h3>
              {section.activities.map((activity) => {
                const supported = modesOf(activity);
                const name = kindText(t, activity.kind).name;
                if (supported.length < 2) {
                  return (
                    <div key={activity.id} className="mg-panel fr-p-2w fr-mb-2w">
                      <p className="fr-mb-0">
                        <strong>{activity.title}</strong> <span className="mg-muted">· {name}</span>
                      </p>
                      <p className="fr-text--sm mg-muted fr-mb-0">{t('ui.completion.settings.untracked')}</p>
                    </div>
                  );
                }
                const modeError = errors[`${activity.id}.mode`];
                const gradeError = errors[`${activity.id}.passGrade`];
                return (
                  <div key={activity.id} className="mg-panel fr-p-2w fr-mb-2w">
                    <Select
                      className="fr-mb-0"
                      label={activity.title}
                      hint={`${name} · ${t('ui.completion.settings.conditionOf')}`}
                      state={modeError ? 'error' : 'default'}
                      stateRelatedMessage={modeError}
                      nativeSelectProps={{
                        id: fieldId(FORM, `${activity.id}.mode`),
                        value: modes[activity.id],
                        onChange: (event) =>
                          setModes((current) => ({
                            ...current,
                            [activity.id]: event.target.value as CompletionMode,
                          })),
                      }}
                    >
                      {supported.map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`ui.completion.modes.${mode}`)}
                        </option>
                      ))}
                    </Select>
                    {modes[activity.id] === 'grade' ? (
                      <Input
                        className="fr-mt-2w fr-mb-0"
                        label={t('ui.completion.fields.passGrade')}
                        state={gradeError ? 'error' : 'default'}
                        stateRelatedMessage={gradeError}
                        nativeInputProps={{
                          id: fieldId(FORM, `${activity.id}.passGrade`),
                          type: 'number',
                          min: 0,
                          max: 100,
                          step: 'any',
                          value: grades[activity.id],
                          onChange: (event) =>
                            setGrades((current) => ({ ...current, [activity.id]: event.target.value })),
                          ...(gradeError ? { 'aria-invalid': true } : {}),
                        }}
                      />
                    ) : null}
                  </div>
                );
              })}
            </section>
          ))}

        <h2 className="fr-h4 fr-mt-6w">{t('ui.completion.settings.criteriaTitle')}</h2>
        <RadioButtons
          legend={t('ui.completion.settings.criteriaLegend')}
          name="criteria"
          options={[
            {
              label: t('ui.completion.settings.criteriaAll'),
              hintText: t('ui.completion.settings.criteriaAllHint'),
              nativeInputProps: { checked: which === 'all', onChange: () => setWhich('all') },
            },
            {
              label: t('ui.completion.settings.criteriaChosen'),
              nativeInputProps: { checked: which === 'chosen', onChange: () => setWhich('chosen') },
            },
          ]}
        />
        {which === 'chosen' ? (
          tracked.length === 0 ? (
            <p className="fr-text--sm" id={fieldId(FORM, 'criteria')} tabIndex={-1}>
              {t('ui.completion.settings.criteriaNone')}
            </p>
          ) : (
            <div id={fieldId(FORM, 'criteria')} tabIndex={-1}>
              <Checkbox
                legend={t('ui.completion.settings.criteriaChosenLegend')}
                state={errors.criteria ? 'error' : 'default'}
                stateRelatedMessage={errors.criteria}
                options={tracked.map((activity) => ({
                  label: activity.title,
                  hintText: t(`ui.completion.modesShort.${modes[activity.id] ?? 'none'}`),
                  nativeInputProps: {
                    checked: chosen.has(activity.id),
                    onChange: (event) =>
                      setChosen((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(activity.id);
                        else next.delete(activity.id);
                        return next;
                      }),
                  },
                }))}
              />
            </div>
          )
        ) : null}
        <div className="mg-actions fr-mt-4w">
          <Button type="submit" disabled={pending}>
            {pending ? t('ui.common.saving') : t('ui.completion.settings.save')}
          </Button>
          <Button priority="secondary" linkProps={{ to: `/parcours/${course.id}` }}>
            {t('ui.completion.settings.back')}
          </Button>
        </div>
      </form>
    </>
  );
}
