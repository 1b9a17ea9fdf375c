/**
 * The activity kinds the web app knows: kind → { icon, View, Editor }. Adding a kind is one folder
 * beside this file and one line below; names and descriptions come from the catalogue
 * (`ui.activities.kinds.<kind>`).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.tsx';
import { deposit } from './deposit/index.tsx';
import { file } from './file/index.tsx';
import { folder } from './folder/index.tsx';
import { label } from './label/index.tsx';
import { page } from './page/index.tsx';
import type { ActivityKindUi } from './types.ts';
import { url } from './url/index.tsx';
import { video } from './video/index.tsx';

export const activityKinds: Record<string, ActivityKindUi> = {
  page,
  label,
  url,
  file,
  folder,
  video,
  deposit,
};

function UnsupportedView() {
  const { t } = useTranslation();
  return <EmptyState message={t('ui.activities.view.unsupported')} />;
}

/** A kind the server offers but this web app does not know yet: shown, never edited. */
const unknownKind: ActivityKindUi = {
  icon: 'fr-icon-file-line',
  View: UnsupportedView,
  Editor: UnsupportedView,
  defaults: () => ({}),
};

export function kindUi(kind: string): ActivityKindUi {
  return activityKinds[kind] ?? unknownKind;
}

export function isKnownKind(kind: string): boolean {
  return kind in activityKinds;
}

/** The kind's name and description in the interface's language. */
export function kindText(t: TFunction, kind: string): { name: string; description: string } {
  const key = `ui.activities.kinds.${kind}`;
  return {
    name: t(`${key}.name`, { defaultValue: t('ui.activities.kinds.unknown.name') }),
    description: t(`${key}.description`, { defaultValue: '' }),
  };
}
