/**
 * `/admin/hebergeurs-video`: the hosts whose videos the Video activity may embed (PeerTube, Pod, PodÉduc…),
 * for administrators. The whole list is sent on each change; the server checks every host name.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getVideoHosts, saveVideoHosts, settingsKeys } from '../../api/settings.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextField } from '../../components/fields.tsx';
import { ErrorSummary, type FieldErrors, fieldId, problemFieldErrors } from '../../components/forms.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert, useProblemMessage } from '../../components/ProblemAlert.tsx';
import { type Conflict, isStaleVersion, StaleVersionAlert } from '../../components/StaleVersion.tsx';

const key = settingsKeys.videoHosts;
const FORM = 'hebergeur';

export function VideoHostsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const query = useQuery({ queryKey: key, queryFn: getVideoHosts });
  const [host, setHost] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [flash, setFlash] = useState<string>();
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState<Conflict>();
  const [reloading, setReloading] = useState(false);
  const hosts = query.data?.hosts ?? [];

  /**
   * Each change sends the whole list shown, with its version: when another administrator changed the
   * list since, the save is refused (409) and the list shown is reloaded on request, the host typed kept.
   * Unlike a form, the version here follows the list on screen, refetched or not: it is what is sent.
   */
  const stale = {
    conflict,
    reloading,
    async reload() {
      setReloading(true);
      try {
        const latest = await queryClient.fetchQuery({ queryKey: key, queryFn: getVideoHosts, staleTime: 0 });
        setConflict({
          state: 'reloaded',
          changed: latest.hosts.join() === hosts.join() ? [] : ['hosts'],
          kept: [],
        });
      } catch (error) {
        setConflict({ state: 'failed', message: problemMessage(error) });
      } finally {
        setReloading(false);
      }
    },
  };

  /** Saves the list; the server's field errors on the added host (its index) go next to the field. */
  async function save(next: string[], done: string, addedIndex?: number) {
    setPending(true);
    setFlash(undefined);
    try {
      const saved = await saveVideoHosts(next, query.data?.version ?? 0);
      queryClient.setQueryData(key, saved);
      setConflict(undefined);
      setErrors({});
      setMessage(undefined);
      setFlash(done);
      return true;
    } catch (error) {
      if (isStaleVersion(error)) {
        setConflict({ state: 'stale', message: problemMessage(error) });
        setErrors({});
        setMessage(undefined);
        return false;
      }
      const fields = problemFieldErrors(error);
      const onHost = addedIndex === undefined ? undefined : fields[`hosts.${addedIndex}`];
      setErrors(onHost ? { host: onHost } : {});
      setMessage(onHost ? undefined : problemMessage(error));
      return false;
    } finally {
      setPending(false);
    }
  }

  async function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = host.trim();
    const invalid = !value
      ? t('ui.validation.required')
      : hosts.includes(value.toLowerCase())
        ? t('ui.videoHosts.duplicate')
        : undefined;
    if (invalid) {
      setMessage(undefined);
      setErrors({ host: invalid });
      return;
    }
    const ok = await save(
      [...hosts, value],
      t('ui.videoHosts.added', { host: value.toLowerCase() }),
      hosts.length,
    );
    if (ok) {
      setHost('');
      // Back to the field, ready for the next host (on an error, the summary takes the focus).
      document.getElementById(fieldId(FORM, 'host'))?.focus();
    }
  }

  return (
    <>
      <PageHeading title={t('ui.videoHosts.title')} crumbs={[]}>
        <p>{t('ui.videoHosts.intro')}</p>
        <p className="fr-hint-text fr-text--md">{t('ui.videoHosts.subdomains')}</p>
      </PageHeading>
      {flash ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          closable
          onClose={() => setFlash(undefined)}
          description={flash}
        />
      ) : null}
      <StaleVersionAlert
        form={stale}
        labels={{ hosts: t('ui.videoHosts.caption') }}
        reloadedText={t('ui.videoHosts.reloaded')}
      />
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : hosts.length === 0 ? (
        <EmptyState message={t('ui.videoHosts.empty')} />
      ) : (
        <Table
          caption={t('ui.videoHosts.caption')}
          headers={[t('ui.videoHosts.colHost'), t('ui.common.actions')]}
          data={hosts.map((name) => [
            <code key="host">{name}</code>,
            <Button
              key="remove"
              size="small"
              priority="secondary"
              iconId="fr-icon-delete-line"
              disabled={pending}
              onClick={() =>
                void save(
                  hosts.filter((h) => h !== name),
                  t('ui.videoHosts.removed', { host: name }),
                )
              }
              nativeButtonProps={{ 'aria-label': t('ui.videoHosts.removeLabel', { host: name }) }}
            >
              {t('ui.videoHosts.remove')}
            </Button>,
          ])}
        />
      )}
      <section aria-labelledby="hebergeur-ajouter" className="fr-mt-6w">
        <h2 id="hebergeur-ajouter">{t('ui.videoHosts.addTitle')}</h2>
        <ErrorSummary
          form={FORM}
          errors={errors}
          labels={{ host: t('ui.videoHosts.host') }}
          message={message}
          as="h3"
        />
        <form noValidate onSubmit={add} className="mg-narrow-form">
          <TextField
            form={FORM}
            name="host"
            errors={errors}
            label={t('ui.videoHosts.host')}
            hint={t('ui.videoHosts.hostHint')}
            required
            autoComplete="off"
            spellCheck={false}
            value={host}
            onChange={(event) => setHost(event.target.value)}
          />
          <Button type="submit" iconId="fr-icon-add-line" disabled={pending}>
            {t('ui.videoHosts.add')}
          </Button>
        </form>
      </section>
    </>
  );
}
