import { App } from 'antd';
import { useCallback } from 'react';
import type { Page } from '../app/contract';
import { useI18n } from '../app/i18n';
import { useCursorList } from '../app/use-cursor-list';

/**
 * A page's cursor-paged list (issue 20 §3: each list page wired this by hand): a failed load said as a message as
 * well as inline (ListCard, ListBody), and the two changes a page makes after a write — a new record on top (once),
 * a changed one in its place.
 */
export function useListPage<T extends { id: string | number }>(fetchPage: ((cursor?: string) => Promise<Page<T>>) | null) {
  const { errorText } = useI18n();
  const { message } = App.useApp();
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const list = useCursorList(fetchPage, showError);
  const { setItems } = list;
  const prepend = useCallback((item: T) => setItems((items) => [item, ...items.filter((x) => x.id !== item.id)]), [setItems]);
  const replace = useCallback((item: T) => setItems((items) => items.map((x) => (x.id === item.id ? item : x))), [setItems]);
  return { ...list, prepend, replace };
}

export type ListPage<T extends { id: string | number }> = ReturnType<typeof useListPage<T>>;
