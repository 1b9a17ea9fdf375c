import type { Shape } from './namespaces.ts';

/** English strings of the rich-text editor. */
export const editor: Shape<'editor'> = {
  ui: {
    editor: {
      toolbar: 'Formatting: {{label}}',
      bold: 'Bold',
      italic: 'Italic',
      underline: 'Underline',
      heading2: 'Heading level 2',
      heading3: 'Heading level 3',
      bulletList: 'Bulleted list',
      orderedList: 'Numbered list',
      link: 'Link',
      undo: 'Undo the last change',
      redo: 'Redo the change',
      linkUrl: 'Link address',
      linkUrlHint: 'Full address, starting with https://',
      linkApply: 'Apply the link',
      linkRemove: 'Remove the link',
      linkCancel: 'Cancel',
      linkInvalid: 'Enter an address starting with https:// or http://',
      areaHint: 'Rich text area. Shortcuts: Ctrl+B bold, Ctrl+I italic, Ctrl+U underline.',
      image: 'Insert an image',
      imageFile: 'Image',
      imageFileHint: 'Accepted formats: PNG, JPEG, GIF or WebP.',
      imageAlt: 'Alternative text',
      imageAltHint:
        'What the image brings to the text, for people who cannot see it. For example: “Diagram of the water cycle”.',
      imageDecorative: 'Decorative image',
      imageDecorativeHint: 'It carries no information: screen readers will skip it.',
      imageInsert: 'Insert the image',
      imageCancel: 'Cancel',
      imageRequired: 'Choose an image.',
      imageAltRequired: 'Enter an alternative text, or tick “Decorative image”.',
      imageUploading: 'Uploading the image…',
    },
  },
};
