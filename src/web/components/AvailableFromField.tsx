/**
 * "Disponible à partir du": the opening date and time of a course or an activity, typed in the browser's
 * time zone (a `datetime-local` input) and sent to the API as an ISO instant.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTime } from '../../shared/format.ts';

export { fromLocalInput, toLocalInput } from './localDateTime.ts';

/**
 * The field, controlled: `value` is the input's local text. Optional, with a button to clear the date
 * (a `datetime-local` input is hard to empty by hand).
 */
export function AvailableFromField({
  id,
  name,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  /** The form field's name, for forms read with FormData. */
  name?: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="mg-available-from">
      <Input
        label={`${t('ui.availability.label')} ${t('ui.common.optional')}`}
        hintText={hint}
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
        nativeInputProps={{
          id,
          name,
          type: 'datetime-local',
          value,
          onChange: (event) => onChange(event.target.value),
          ...(error ? { 'aria-invalid': true } : {}),
        }}
      />
      {value ? (
        <Button
          type="button"
          size="small"
          priority="tertiary no outline"
          iconId="fr-icon-close-line"
          className="fr-mb-3w"
          onClick={() => {
            onChange('');
            document.getElementById(id)?.focus();
          }}
        >
          {t('ui.availability.clear')}
        </Button>
      ) : null}
    </div>
  );
}

/** Whether an opening date is still to come. */
export function opensLater(availableFrom: string | null): availableFrom is string {
  return availableFrom !== null && Date.parse(availableFrom) > Date.now();
}

/** "Disponible à partir du 23 novembre 2026 à 14 h 30" */
export function useAvailableFromText() {
  const { t } = useTranslation();
  return (iso: string) => t('ui.availability.from', { date: formatDate(iso), time: formatTime(iso) });
}

/**
 * For editors, who see what participants do not yet: when an item opens later, says when, on a line of
 * its own (a span, so it fits inside a paragraph too). Nothing once it is open.
 */
export function AvailableFromNote({ availableFrom }: { availableFrom: string | null }) {
  const text = useAvailableFromText();
  if (!opensLater(availableFrom)) return null;
  return (
    <span className="fr-text--xs mg-opens-later">
      <span className="fr-icon-time-line fr-icon--xs fr-mr-1v" aria-hidden="true" />
      {text(availableFrom)}
    </span>
  );
}
