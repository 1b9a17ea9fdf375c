/**
 * Rich text: shown everywhere, edited in a few forms. TipTap (ProseMirror) is most of the weight of the
 * editor, so it lives in `TipTapEditor.tsx`, a chunk loaded the first time an editor is drawn: the course
 * page, the catalogue and every page that only shows rich text never download it.
 */
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWidget } from '../app/lazy.tsx';
import { Loading } from './Loading.tsx';
import type { RichTextEditor as TipTapRichTextEditor } from './TipTapEditor.tsx';

export type { Editor } from './TipTapEditor.tsx';

/** While the editor loads: the field's label, hint and area in their places, and the value for the form. */
function EditorPlaceholder({
  label,
  hint,
  name,
  defaultValue = '',
}: ComponentProps<typeof TipTapRichTextEditor>) {
  const { t } = useTranslation();
  return (
    <div className="fr-input-group mg-richtext-field" aria-busy="true">
      <div className="fr-label">{label}</div>
      <p className="fr-hint-text fr-mb-0">
        {hint ? `${hint} ` : ''}
        {t('ui.editor.areaHint')}
      </p>
      <div className="mg-toolbar mg-toolbar--placeholder" />
      <div className="mg-richtext__area">
        <Loading />
      </div>
      {name ? <input type="hidden" name={name} value={defaultValue} /> : null}
    </div>
  );
}

/** The rich-text editor (see `TipTapEditor.tsx`), loaded on first use. */
export const RichTextEditor = lazyWidget(
  () => import('./TipTapEditor.tsx'),
  'RichTextEditor',
  EditorPlaceholder,
);

/**
 * Stored rich text, shown as HTML. The server sanitised it on the way in (allow-list of tags,
 * attributes and URL schemes), which is why it is safe to insert here.
 */
export function RichText({ html, className }: { html: string; className?: string }) {
  if (!html) return null;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side with an allow-list
  return <div className={`mg-richtext ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
