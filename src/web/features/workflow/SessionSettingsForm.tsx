/** A session's own settings: its dates, self-enrolment and its limit, and its GAIA identifiers. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Session, SessionSettings } from '../../../shared/lifecycle.ts';
import { api } from '../../api/client.ts';
import type { Course } from '../../api/courses.ts';
import { refreshLifecycle } from '../../api/workflow.ts';
import { ErrorSummary, fieldId, fieldState, invalidProps, readForm } from '../../components/forms.tsx';
import { fromLocalInput, toLocalInput } from '../../components/localDateTime.ts';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

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
  // Opening the session may change it from the dialog: follow the saved value.
  useEffect(() => setSelfEnrolment(session.selfEnrolment), [session.selfEnrolment]);
  const labels: Record<string, string> = {
    startsAt: t('workflow.fields.session.startsAt'),
    endsAt: t('workflow.fields.session.endsAt'),
    maxParticipants: t('ui.lifecycle.session.maxParticipants'),
    ...Object.fromEntries(GAIA.map((g) => [g, t(`ui.lifecycle.session.${g}`)])),
  };
  const { errors, message, pending, submit } = useFormSubmission(SessionSettings, async (data) => {
    await api.put(`/api/courses/${encodeURIComponent(course.id)}/session`, data);
    await refreshLifecycle(queryClient, course.id);
    onSaved(t('ui.lifecycle.session.saved'));
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = readForm(event.currentTarget, [...GAIA, 'maxParticipants']);
    const max = raw.maxParticipants;
    void submit({
      startsAt: fromLocalInput(raw.startsAt),
      endsAt: fromLocalInput(raw.endsAt),
      selfEnrolment,
      maxParticipants: max === null || max === undefined ? null : Number(max),
      ...Object.fromEntries(GAIA.map((g) => [g, raw[g] ?? null])),
    });
  }

  const text = (name: string, value: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <Input
      label={labels[name]}
      {...(hint && { hintText: hint })}
      {...fieldState(errors, name)}
      nativeInputProps={{
        id: fieldId(form, name),
        name,
        defaultValue: value,
        ...invalidProps(errors, name),
        ...extra,
      }}
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
        <Button type="submit" disabled={pending}>
          {t('ui.lifecycle.session.submit')}
        </Button>
      </form>
    </section>
  );
}
