/** `/profil/notifications`: for each type, how the person wants to hear of it. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PreferencesBody } from '../../../shared/notifications.ts';
import {
  CHANNELS,
  type Channel,
  type NotificationPreference,
  notificationKeys,
  saveNotificationPreferences,
  useNotificationPreferences,
} from '../../api/notifications.ts';
import { ErrorSummary } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const FORM = 'preferences-notifications';

export function PreferencesPage() {
  const { t } = useTranslation();
  const query = useNotificationPreferences();
  return (
    <>
      <PageHeading
        title={t('ui.notifications.preferences.title')}
        crumbs={[{ label: t('ui.profile.title'), to: '/profil' }]}
      >
        <p>{t('ui.notifications.preferences.intro')}</p>
      </PageHeading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : (
        <PreferencesForm preferences={query.data} />
      )}
    </>
  );
}

function PreferencesForm({ preferences }: { preferences: NotificationPreference[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Record<string, Channel>>(() =>
    Object.fromEntries(preferences.map((p) => [p.type, p.channel])),
  );
  const [saved, setSaved] = useState(false);
  const { errors, message, pending, submit } = useFormSubmission(PreferencesBody, async (body) => {
    queryClient.setQueryData(notificationKeys.preferences, await saveNotificationPreferences(body));
    setSaved(true);
  });

  return (
    <>
      {saved ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          closable
          onClose={() => setSaved(false)}
          description={t('ui.notifications.preferences.saved')}
        />
      ) : null}
      <ErrorSummary form={FORM} errors={errors} labels={{}} message={message} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void submit({ preferences: preferences.map((p) => ({ type: p.type, channel: chosen[p.type]! })) });
        }}
      >
        {preferences.map((preference) => (
          <RadioButtons
            key={preference.type}
            legend={preference.label}
            name={`${FORM}-${preference.type}`}
            options={CHANNELS.map((channel) => ({
              label:
                channel === preference.defaultChannel
                  ? `${t(`ui.notifications.preferences.channels.${channel}`)} ${t('ui.notifications.preferences.byDefault')}`
                  : t(`ui.notifications.preferences.channels.${channel}`),
              nativeInputProps: {
                value: channel,
                checked: chosen[preference.type] === channel,
                onChange: () => setChosen((current) => ({ ...current, [preference.type]: channel })),
              },
            }))}
          />
        ))}
        <Button type="submit" disabled={pending}>
          {t('ui.notifications.preferences.save')}
        </Button>
      </form>
    </>
  );
}
