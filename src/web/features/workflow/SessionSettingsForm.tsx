/**
 * A session's own settings: its dates, self-enrolment and its limit, its GAIA identifiers, and what its
 * participants are told to take part — whom to write to and its on-site days.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionSettings } from '../../../shared/lifecycle.ts';
import type { Course } from '../../api/courses.ts';
import { refreshLifecycle, type Session, saveSession, workflowKeys } from '../../api/workflow.ts';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, readForm } from '../../components/forms.tsx';
import { fromLocalInput, toLocalInput } from '../../components/localDateTime.ts';
import { useFormSubmission } from '../../components/useFormSubmission.ts';
import { type DraftDay, dayLabels, OnSiteDaysField } from './OnSiteDaysField.tsx';

const form = 'session';
const GAIA = ['gaiaDispositif', 'gaiaModule', 'gaiaSession'] as const;

export function SessionSettingsForm({
  course,
  session,
  onSaved,
}: {
  course: Course;
  session: Session;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [selfEnrolment, setSelfEnrolment] = useState(session.selfEnrolment);
  const [days, setDays] = useState<DraftDay[]>(() => session.onSiteDays.map((day, key) => ({ ...day, key })));
  // Opening the session may change it from the dialog: follow the saved value.
  useEffect(() => setSelfEnrolment(session.selfEnrolment), [session.selfEnrolment]);
  const labels: Record<string, string> = {
    startsAt: t('workflow.fields.session.startsAt'),
    endsAt: t('workflow.fields.session.endsAt'),
    maxParticipants: t('ui.lifecycle.session.maxParticipants'),
    ...Object.fromEntries(GAIA.map((g) => [g, t(`ui.lifecycle.session.${g}`)])),
    contactEmail: t('ui.lifecycle.session.contactEmail'),
    ...dayLabels(t, days.length),
  };
  const { errors, message, pending, submit } = useFormSubmission(SessionSettings, async (data) => {
    const saved = await saveSession(course.id, data);
    // The server orders the days by date: the rows follow.
    setDays(saved.onSiteDays.map((day, key) => ({ ...day, key })));
    await Promise.all([
      refreshLifecycle(queryClient, course.id),
      queryClient.invalidateQueries({ queryKey: workflowKeys.practical(course.id) }),
    ]);
    onSaved(t('ui.lifecycle.session.saved'));
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = readForm(event.currentTarget, [...GAIA, 'maxParticipants', 'contactEmail']);
    const max = raw.maxParticipants;
    const onSiteDays = days.map(({ key: _, ...day }) => ({ ...day, place: day.place.trim() }));
    void submit({
      startsAt: fromLocalInput(raw.startsAt),
      endsAt: fromLocalInput(raw.endsAt),
      selfEnrolment,
      maxParticipants: max === null || max === undefined ? null : Number(max),
      ...Object.fromEntries(GAIA.map((g) => [g, raw[g] ?? null])),
      contactEmail: raw.contactEmail ?? null,
      onSiteDays,
      // The rows' fields under their flat names too, so an empty one is reported as missing (the
      // schema ignores these keys).
      ...Object.fromEntries(
        onSiteDays.flatMap((day, i) =>
          Object.entries(day).map(([part, value]) => [`onSiteDays.${i}.${part}`, value]),
        ),
      ),
    });
  }

  const text = (
    name: string,
    value: string,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <TextField
      form={form}
      name={name}
      errors={errors}
      label={labels[name]}
      hint={hint}
      defaultValue={value}
      {...extra}
    />
  );

  return (
    <section className="fr-mb-6w" aria-labelledby="reglages-session">
      <h2 id="reglages-session" className="fr-h4">
        {t('ui.lifecycle.session.title')}
      </h2>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form noValidate onSubmit={onSubmit}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            {text('startsAt', toLocalInput(session.startsAt), { type: 'datetime-local' })}
          </div>
          <div className="fr-col-12 fr-col-md-6">
            {text('endsAt', toLocalInput(session.endsAt), { type: 'datetime-local' })}
          </div>
        </div>
        <Checkbox
          className="fr-mt-2w"
          options={[
            {
              label: t('ui.lifecycle.openSession.selfEnrolment'),
              hintText: t('ui.lifecycle.openSession.selfEnrolmentHint'),
              nativeInputProps: {
                name: 'selfEnrolment',
                checked: selfEnrolment,
                onChange: (event) => setSelfEnrolment(event.target.checked),
              },
            },
          ]}
        />
        {text(
          'maxParticipants',
          session.maxParticipants?.toString() ?? '',
          { type: 'number', min: 1, inputMode: 'numeric' },
          t('ui.lifecycle.session.maxParticipantsHint'),
        )}
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">
            {t('ui.lifecycle.session.gaia')}
            <span className="fr-hint-text">{t('ui.lifecycle.session.gaiaHint')}</span>
          </legend>
          {GAIA.map((g) => (
            <div key={g} className="fr-fieldset__element fr-fieldset__element--inline">
              {text(g, session[g] ?? '', { autoComplete: 'off' })}
            </div>
          ))}
        </fieldset>
        {text(
          'contactEmail',
          session.contactEmail ?? '',
          { type: 'email', autoComplete: 'email', spellCheck: false },
          t('ui.lifecycle.session.contactEmailHint'),
        )}
        <OnSiteDaysField form={form} days={days} onChange={setDays} errors={errors} />
        <Button type="submit" disabled={pending}>
          {t('ui.lifecycle.session.submit')}
        </Button>
      </form>
    </section>
  );
}
