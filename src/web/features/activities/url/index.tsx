/** Link to a resource elsewhere on the web. */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/fields.tsx';
import {
  type ActivityEditorProps,
  type ActivityKindUi,
  type ActivityViewProps,
  siteOf,
  str,
} from '../types.ts';

function UrlView({ activity }: ActivityViewProps) {
  const { t } = useTranslation();
  const href = str(activity.settings.url);
  const newWindow = activity.settings.newWindow !== false;
  const text = t('ui.activities.url.open', { title: activity.title });
  return (
    <>
      <p>
        {newWindow ? (
          // DSFR draws the external-link icon on links opening a new window.
          <a
            className="fr-link fr-link--lg"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            title={t('ui.activities.url.newWindowTitle', { title: text })}
          >
            {text}
          </a>
        ) : (
          <a className="fr-link fr-link--lg" href={href}>
            {text}
          </a>
        )}
      </p>
      <p className="fr-text--sm mg-break">{t('ui.activities.url.address', { url: href })}</p>
    </>
  );
}

function UrlEditor({ form, settings, onChange, errors }: ActivityEditorProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        form={form}
        name="settings.url"
        errors={errors}
        label={t('ui.activities.url.url')}
        hint={t('ui.activities.url.urlHint')}
        type="url"
        required
        spellCheck={false}
        autoComplete="off"
        value={str(settings.url)}
        onChange={(event) => onChange({ ...settings, url: event.target.value.trim() })}
      />
      <Checkbox
        options={[
          {
            label: t('ui.activities.url.newWindow'),
            nativeInputProps: {
              checked: settings.newWindow !== false,
              onChange: (event) => onChange({ ...settings, newWindow: event.target.checked }),
            },
          },
        ]}
      />
    </>
  );
}

export const url: ActivityKindUi = {
  icon: 'fr-icon-links-line',
  View: UrlView,
  Editor: UrlEditor,
  defaults: () => ({ url: '', newWindow: true }),
  detail: (summary) => siteOf(summary.url),
};
