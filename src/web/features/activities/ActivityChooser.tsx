/**
 * The activity chooser: a DSFR modal listing the kinds (icon, name, description) with a search field
 * filtering as you type and a star per kind to keep it among "Mes favoris", shown first.
 */
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActivityKindInfo, courseKeys, setFavouriteKind, useActivityKinds } from '../../api/courses.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { isKnownKind, kindText, kindUi } from './registry.tsx';

export const chooserModal = createModal({ id: 'modale-choix-activite', isOpenedByDefault: false });

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function ActivityChooser({
  sectionTitle,
  onChoose,
}: {
  sectionTitle: string;
  onChoose: (kind: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const kinds = useActivityKinds();
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>();
  const focusStar = useRef<string | null>(null);

  useEffect(() => {
    if (focusStar.current) {
      document.getElementById(`favori-${focusStar.current}`)?.focus();
      focusStar.current = null;
    }
  });

  async function toggleFavourite(info: ActivityKindInfo) {
    setError(undefined);
    const favourite = !info.favourite;
    focusStar.current = info.kind;
    const previous = queryClient.getQueryData<ActivityKindInfo[]>(courseKeys.kinds);
    queryClient.setQueryData<ActivityKindInfo[]>(courseKeys.kinds, (list) =>
      list?.map((k) => (k.kind === info.kind ? { ...k, favourite } : k)),
    );
    try {
      await setFavouriteKind(info.kind, favourite);
    } catch (e) {
      queryClient.setQueryData(courseKeys.kinds, previous);
      setError(e);
    }
  }

  const needle = normalize(q.trim());
  const visible = (kinds.data ?? [])
    .filter((k) => isKnownKind(k.kind))
    .map((k) => ({ ...k, ...kindText(t, k.kind) }))
    .filter((k) => !needle || normalize(`${k.name} ${k.description}`).includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const groups = [
    {
      key: 'favourites',
      title: t('ui.activities.chooser.favourites'),
      items: visible.filter((k) => k.favourite),
    },
    {
      key: 'resources',
      title: t('ui.activities.chooser.resources'),
      items: visible.filter((k) => !k.favourite && k.family === 'resource'),
    },
    {
      key: 'activities',
      title: t('ui.activities.chooser.activities'),
      items: visible.filter((k) => !k.favourite && k.family === 'activity'),
    },
  ].filter((g) => g.items.length > 0);

  return (
    <chooserModal.Component title={t('ui.activities.chooser.title')} titleAs="h2" size="large">
      <p>{t('ui.activities.chooser.intro', { section: sectionTitle })}</p>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="choix-activite-recherche">
          {t('ui.activities.chooser.search')}
          <span className="fr-hint-text">{t('ui.activities.chooser.searchHint')}</span>
        </label>
        <input
          className="fr-input"
          id="choix-activite-recherche"
          type="search"
          autoComplete="off"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <p className="fr-sr-only" role="status">
        {kinds.data ? t('ui.activities.chooser.resultCount', { count: visible.length }) : ''}
      </p>
      {error ? <ProblemAlert error={error} /> : null}
      {kinds.isPending ? <Loading label={t('ui.activities.chooser.loading')} /> : null}
      {kinds.isError ? <ProblemAlert error={kinds.error} /> : null}
      {kinds.data && visible.length === 0 ? (
        <p>{t('ui.activities.chooser.noResult', { q: q.trim() })}</p>
      ) : null}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`choix-${group.key}`} className="fr-mb-3w">
          <h3 id={`choix-${group.key}`} className="fr-h6 fr-mb-1w">
            {group.title}
          </h3>
          <ul className="mg-chooser">
            {group.items.map((k) => (
              <li key={k.kind} className="mg-chooser__item">
                <span className={`${kindUi(k.kind).icon} mg-chooser__icon`} aria-hidden="true" />
                <div className="mg-chooser__text">
                  <button
                    type="button"
                    className="fr-link mg-chooser__choose"
                    aria-describedby={`choix-desc-${k.kind}`}
                    onClick={() => onChoose(k.kind)}
                  >
                    {k.name}
                  </button>
                  <p className="fr-text--sm fr-mb-0" id={`choix-desc-${k.kind}`}>
                    {k.description}
                  </p>
                </div>
                <button
                  type="button"
                  id={`favori-${k.kind}`}
                  className={`fr-btn fr-btn--tertiary-no-outline fr-btn--sm ${k.favourite ? 'fr-icon-star-fill' : 'fr-icon-star-line'} mg-star`}
                  aria-pressed={k.favourite}
                  title={t(
                    k.favourite
                      ? 'ui.activities.chooser.removeFavourite'
                      : 'ui.activities.chooser.addFavourite',
                    { name: k.name },
                  )}
                  onClick={() => toggleFavourite(k)}
                >
                  {t(
                    k.favourite
                      ? 'ui.activities.chooser.removeFavourite'
                      : 'ui.activities.chooser.addFavourite',
                    {
                      name: k.name,
                    },
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </chooserModal.Component>
  );
}
