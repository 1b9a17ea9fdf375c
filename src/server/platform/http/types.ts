/** A field's error: `message` is either text or a catalogue key (`errors.…`) filled with `params`. */
export type FieldError = { path: string; message: string; params?: Record<string, string | number> };
