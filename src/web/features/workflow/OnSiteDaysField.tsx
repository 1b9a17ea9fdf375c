/**
 * The on-site days of a session, in its settings form: one row per day (date, start and end time, place
 * with its address), added and removed as the trainer plans them. The server keeps them in date order.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ON_SITE_DAYS, type OnSiteDay } from '../../../shared/lifecycle.ts';
import { TextAreaField, TextField } from '../../components/fields.tsx';
import { type FieldErrors, fieldId } from '../../components/forms.tsx';
import './session.css';

/** A row being edited, with a key that survives the removal of the rows before it. */
export type DraftDay = OnSiteDay & { key: number };

const PARTS = ['date', 'startTime', 'endTime', 'place'] as const;

/** The field names of a row, as the server's errors name them (`onSiteDays.1.endTime`). */
export const dayField = (index: number, part: (typeof PARTS)[number]) => `onSiteDays.${index}.${part}`;

/** What the error summary calls each field of each row: "Journée 2 — heure de fin". */
export function dayLabels(t: TFunction, count: number) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) =>
      PARTS.map((part) => [
        dayField(i, part),
        t('ui.lifecycle.session.onSite.fieldOf', {
          n: i + 1,
          field: t(`ui.lifecycle.session.onSite.${part}`).toLowerCase(),
        }),
      ]),
    ).flat(),
  );
}

export function OnSiteDaysField({
  form,
  days,
  onChange,
  errors,
}: {
  form: string;
  days: DraftDay[];
  onChange: (days: DraftDay[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const nextKey = useRef(Math.max(0, ...days.map((d) => d.key)) + 1);
  const legendId = `${form}-journees`;

  function add() {
    const last = days.at(-1);
    // A new day starts at the hours of the one before, which trainers often repeat.
    const day: DraftDay = {
      key: nextKey.current++,
      date: '',
      startTime: last?.startTime ?? '09:00',
      endTime: last?.endTime ?? '17:00',
      place: last?.place ?? '',
    };
    onChange([...days, day]);
    // Focus the new row's date once it is drawn.
    requestAnimationFrame(() =>
      document.getElementById(fieldId(form, dayField(days.length, 'date')))?.focus(),
    );
  }

  function set(index: number, part: (typeof PARTS)[number], value: string) {
    onChange(days.map((day, i) => (i === index ? { ...day, [part]: value } : day)));
  }

  function remove(index: number) {
    onChange(days.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById(`${form}-ajouter-journee`)?.focus());
  }

  const input = (index: number, part: Exclude<(typeof PARTS)[number], 'place'>, type: string) => {
    const name = dayField(index, part);
    return (
      <TextField
        form={form}
        name={name}
        errors={errors}
        label={t(`ui.lifecycle.session.onSite.${part}`)}
        type={type}
        value={days[index]![part]}
        onChange={(event) => set(index, part, event.currentTarget.value)}
      />
    );
  };

  // Two lines: a place and its address rarely fit in one.
  const place = (index: number) => {
    const name = dayField(index, 'place');
    return (
      <TextAreaField
        form={form}
        name={name}
        errors={errors}
        label={t('ui.lifecycle.session.onSite.place')}
        rows={2}
        maxLength={500}
        value={days[index]!.place}
        onChange={(event) => set(index, 'place', event.currentTarget.value)}
        autoComplete="street-address"
      />
    );
  };

  return (
    <fieldset className="fr-fieldset" aria-labelledby={legendId}>
      <legend className="fr-fieldset__legend" id={legendId}>
        {t('ui.lifecycle.session.onSite.legend')}
        <span className="fr-hint-text">{t('ui.lifecycle.session.onSite.hint')}</span>
      </legend>
      {days.length === 0 ? (
        <p className="fr-fieldset__element fr-text--sm mg-muted">{t('ui.lifecycle.session.onSite.none')}</p>
      ) : null}
      <ol className="fr-fieldset__element mg-onsite-days">
        {days.map((day, index) => (
          <li key={day.key} className="mg-onsite-day">
            <h3 className="fr-h6 fr-mb-1w">
              {t('ui.lifecycle.session.onSite.dayHeading', { n: index + 1 })}
            </h3>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-sm-4">{input(index, 'date', 'date')}</div>
              <div className="fr-col-6 fr-col-sm-4">{input(index, 'startTime', 'time')}</div>
              <div className="fr-col-6 fr-col-sm-4">{input(index, 'endTime', 'time')}</div>
            </div>
            {place(index)}
            <Button
              type="button"
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              onClick={() => remove(index)}
            >
              {t('ui.lifecycle.session.onSite.remove', { n: index + 1 })}
            </Button>
          </li>
        ))}
      </ol>
      {days.length < MAX_ON_SITE_DAYS ? (
        <div className="fr-fieldset__element">
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-add-line"
            onClick={add}
            nativeButtonProps={{ id: `${form}-ajouter-journee` }}
          >
            {t('ui.lifecycle.session.onSite.add')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
