import { App, type FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useI18n } from '../app/i18n';
import { showOnField } from './form-errors';

type FieldName = string | (string | number)[];

/**
 * One write at a time from a button or a form (issue 20 §3: the busy flag and the error message were written by hand
 * in each of them): `busy` while it runs, and what the server refused said as a message, or by `onError` when that
 * returns true (it showed the refusal itself). Resolves to the write's result, undefined when it failed.
 */
export function useAction() {
  const { errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // A second press while the first write runs sends nothing (the button shows busy only after the next render).
  const running = useRef(false);
  const run = useCallback(
    async <R>(write: () => Promise<R>, onError?: (err: unknown, text: string) => boolean): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      try {
        return await write();
      } catch (err) {
        const text = errorText(err);
        if (!onError?.(err, text)) void message.error(text);
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [errorText, message],
  );
  return { busy, run };
}

type FormSubmit<V, R> = {
  /** The write, from the validated values. */
  send: (values: V) => Promise<R>;
  /** Asked once the values are valid and before sending (a confirmation): false sends nothing. */
  confirm?: (values: V) => Promise<boolean>;
  /** After the write succeeded (the form is reset first, unless keep). */
  done: (result: R, values: V) => void;
  /** Server refusals shown under the field they are about (`{ GTIN_INVALID: 'gtin' }`), others as a message. */
  fieldOf?: Record<string, FieldName>;
  /** Leave the values in the form after success (a form that stays open on its result). */
  keep?: boolean;
};

/**
 * The one way a console form is sent: its rules checked first (a form that fails them sends nothing and shows why
 * under the fields), then `confirm`, then one write at a time; a refusal the server ties to a field is said under
 * that field, any other as a message. `submit` never throws, so a button's onClick may call it as it is.
 */
export function useFormSubmit<V, R>(form: FormInstance<V>, { send, confirm, done, fieldOf, keep }: FormSubmit<V, R>) {
  const { busy, run } = useAction();
  const submit = async (): Promise<void> => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (confirm && !(await confirm(values))) return;
    let sent = false;
    const result = await run(
      async () => {
        const r = await send(values);
        sent = true;
        return r;
      },
      (err, text) => (fieldOf ? showOnField(form, err, fieldOf, text) : false),
    );
    if (!sent) return;
    if (!keep) form.resetFields();
    done(result as R, values);
  };
  return { busy, submit: () => void submit() };
}
