/**
 * The rich-text editor (TipTap): a labelled, keyboard-usable editing area and an accessible toolbar (toggle
 * buttons with aria-pressed, small inline forms for links and images). Pages import it through
 * `RichTextEditor.tsx`, which loads this module only when an editor is shown. The HTML is also written to
 * a hidden input named `name`, so forms can read it with `readForm`; the server sanitises it. Images are
 * uploaded to the course (`courseId`): without one — a course not created yet — there is no image button.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageForm } from './RichTextImageForm.tsx';

type Props = {
  /** Id of the editable area (the error summary links to it). */
  id: string;
  label: string;
  hint?: string;
  name?: string;
  defaultValue?: string;
  onChange?: (html: string) => void;
  error?: string;
  /** The course the text belongs to: its images are uploaded there. Without it, no image button. */
  courseId?: string | undefined;
};

/** The editable area's attributes: named by the label, described by the hint (and the error). */
function areaAttributes(id: string, labelId: string, describedBy: string, error: string | undefined) {
  return {
    id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    'aria-describedby': describedBy,
    ...(error ? { 'aria-invalid': 'true' } : {}),
    class: 'mg-richtext mg-richtext__area',
  };
}

export function RichTextEditor({
  id,
  label,
  hint,
  name,
  defaultValue = '',
  onChange,
  error,
  courseId,
}: Props) {
  const { t } = useTranslation();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [html, setHtml] = useState(defaultValue);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
      }),
      // Images are blocks, by address only: pasted data URIs are refused (the server drops them anyway).
      Image.configure({ inline: false, allowBase64: false }),
    ],
    content: defaultValue,
    immediatelyRender: true,
    editorProps: { attributes: areaAttributes(id, labelId, describedBy, error) },
    onUpdate: ({ editor: e }) => {
      const value = e.isEmpty ? '' : e.getHTML();
      setHtml(value);
      onChangeRef.current?.(value);
    },
  });
  // Keep the error state of the area in step with the form.
  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: areaAttributes(id, labelId, describedBy, error) } });
  }, [editor, id, labelId, describedBy, error]);

  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''} mg-richtext-field`}>
      {/* The area is a contenteditable div, not a labelable element: it is named through aria-labelledby. */}
      <div className="fr-label" id={labelId}>
        {label}
      </div>
      <p className="fr-hint-text fr-mb-0" id={hintId}>
        {hint ? `${hint} ` : ''}
        {t('ui.editor.areaHint')}
      </p>
      {editor ? <Toolbar editor={editor} label={label} controls={id} courseId={courseId} /> : null}
      <EditorContent editor={editor} />
      {name ? <input type="hidden" name={name} value={html} /> : null}
      {error ? (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type Editor = NonNullable<ReturnType<typeof useEditor>>;

function Toolbar({
  editor,
  label,
  controls,
  courseId,
}: {
  editor: Editor;
  label: string;
  controls: string;
  courseId: string | undefined;
}) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  // One small form at a time under the toolbar: the link's address, or the image to insert.
  const [panel, setPanel] = useState<'link' | 'image' | null>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  const imageButton = useRef<HTMLButtonElement>(null);
  const toggle = (which: 'link' | 'image') => setPanel((open) => (open === which ? null : which));
  const chain = () => editor.chain().focus();
  type Tool = {
    key: string;
    icon: string;
    label: string;
    pressed?: boolean;
    disabled?: boolean;
    run: () => void;
  };
  /** A button of the toolbar; `pressed` for a toggle (bold, a list…), undefined for an action. */
  const tool = (key: string, icon: string, label: string, pressed: boolean | undefined, run: () => void) => ({
    key,
    icon,
    label,
    pressed,
    run,
  });
  const tools: Tool[][] = [
    [
      tool('bold', 'fr-icon-bold', t('ui.editor.bold'), state.bold, () => chain().toggleBold().run()),
      tool('italic', 'fr-icon-italic', t('ui.editor.italic'), state.italic, () =>
        chain().toggleItalic().run(),
      ),
      tool('underline', 'fr-icon-underline', t('ui.editor.underline'), state.underline, () =>
        chain().toggleUnderline().run(),
      ),
    ],
    [
      tool('h2', 'fr-icon-h-2', t('ui.editor.heading2'), state.h2, () =>
        chain().toggleHeading({ level: 2 }).run(),
      ),
      tool('h3', 'fr-icon-h-3', t('ui.editor.heading3'), state.h3, () =>
        chain().toggleHeading({ level: 3 }).run(),
      ),
      tool('ul', 'fr-icon-list-unordered', t('ui.editor.bulletList'), state.bulletList, () =>
        chain().toggleBulletList().run(),
      ),
      tool('ol', 'fr-icon-list-ordered', t('ui.editor.orderedList'), state.orderedList, () =>
        chain().toggleOrderedList().run(),
      ),
      tool('link', 'fr-icon-link', t('ui.editor.link'), state.link, () => toggle('link')),
      ...(courseId
        ? [tool('image', 'fr-icon-image-add-line', t('ui.editor.image'), undefined, () => toggle('image'))]
        : []),
    ],
    [
      {
        ...tool('undo', 'fr-icon-arrow-go-back-line', t('ui.editor.undo'), undefined, () =>
          chain().undo().run(),
        ),
        disabled: !state.canUndo,
      },
      {
        ...tool('redo', 'fr-icon-arrow-go-forward-line', t('ui.editor.redo'), undefined, () =>
          chain().redo().run(),
        ),
        disabled: !state.canRedo,
      },
    ],
  ];
  return (
    <>
      <div
        className="mg-toolbar"
        role="toolbar"
        aria-label={t('ui.editor.toolbar', { label })}
        aria-controls={controls}
      >
        {tools.map((group) => (
          <div className="mg-toolbar__group" key={group[0]?.key}>
            {group.map((tool) => (
              <button
                key={tool.key}
                ref={tool.key === 'link' ? linkButton : tool.key === 'image' ? imageButton : undefined}
                type="button"
                className={`fr-btn fr-btn--tertiary-no-outline fr-btn--sm ${tool.icon}`}
                title={tool.label}
                aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
                aria-expanded={tool.key === 'link' || tool.key === 'image' ? panel === tool.key : undefined}
                disabled={tool.disabled}
                onMouseDown={(event) => event.preventDefault()}
                onClick={tool.run}
              >
                {tool.label}
              </button>
            ))}
          </div>
        ))}
      </div>
      {panel === 'link' ? (
        <LinkForm
          editor={editor}
          onClose={(focusEditor) => {
            setPanel(null);
            if (focusEditor) editor.commands.focus();
            else linkButton.current?.focus();
          }}
        />
      ) : null}
      {panel === 'image' && courseId ? (
        <ImageForm
          editor={editor}
          courseId={courseId}
          onClose={(focusEditor) => {
            setPanel(null);
            if (focusEditor) editor.commands.focus();
            else imageButton.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

/** The link's address, asked for in a small inline form under the toolbar. */
function LinkForm({ editor, onClose }: { editor: Editor; onClose: (focusEditor: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(current || 'https://');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const apply = () => {
    const href = value.trim();
    if (!/^https?:\/\/[^\s]+\.[^\s]+/i.test(href)) {
      setError(t('ui.editor.linkInvalid'));
      input.current?.focus();
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose(true);
  };
  return (
    // Not a <form>: the editor usually sits inside the page's form, and forms do not nest.
    <fieldset
      className="mg-linkform"
      aria-labelledby={`${id}-label`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose(false);
        }
        if (event.key === 'Enter' && event.target === input.current) {
          event.preventDefault();
          apply();
        }
      }}
    >
      <Input
        label={<span id={`${id}-label`}>{t('ui.editor.linkUrl')}</span>}
        hintText={t('ui.editor.linkUrlHint')}
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
        nativeInputProps={{
          ref: input,
          id: `${id}-url`,
          type: 'url',
          value,
          spellCheck: false,
          onChange: (event) => setValue(event.target.value),
          ...(error ? { 'aria-invalid': true } : {}),
        }}
      />
      <div className="mg-actions">
        <Button type="button" size="small" onClick={apply}>
          {t('ui.editor.linkApply')}
        </Button>
        {current ? (
          <Button
            type="button"
            size="small"
            priority="secondary"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose(true);
            }}
          >
            {t('ui.editor.linkRemove')}
          </Button>
        ) : null}
        <Button type="button" size="small" priority="tertiary" onClick={() => onClose(false)}>
          {t('ui.editor.linkCancel')}
        </Button>
      </div>
    </fieldset>
  );
}
