/** The mailbox's one preference: an e-mail copy of every message received. */
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setPreferences, usePreferences } from '../../api/messaging.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function Preferences() {
  const { t } = useTranslation();
  const query = usePreferences();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();
  if (!query.data) return null;
  return (
    <section className="fr-mt-4w" aria-labelledby="messaging-preferences">
      <h2 className="fr-h6" id="messaging-preferences">
        {t('ui.messaging.preferences.title')}
      </h2>
      <Checkbox
        small
        options={[
          {
            label: t('ui.messaging.preferences.emailCopy'),
            nativeInputProps: {
              checked: query.data.emailCopy,
              onChange: async (e) => {
                setError(undefined);
                const wanted = e.target.checked;
                // Shown at once; put back if the server refuses.
                queryClient.setQueryData(['messaging', 'preferences'], { emailCopy: wanted });
                try {
                  const saved = await setPreferences({ emailCopy: wanted });
                  queryClient.setQueryData(['messaging', 'preferences'], saved);
                  setStatus(t('ui.messaging.preferences.saved'));
                } catch (err) {
                  queryClient.setQueryData(['messaging', 'preferences'], { emailCopy: !wanted });
                  setError(err);
                }
              },
            },
          },
        ]}
      />
      <p className="fr-text--sm" role="status">
        {status}
      </p>
      {error ? <ProblemAlert error={error} /> : null}
    </section>
  );
}
