import { Table, type TableProps } from 'antd';
import { EmptyState, LoadError } from './LoadError';
import { LoadMore } from './LoadMore';
import type { useCursorList } from './use-cursor-list';

type CursorList<T> = ReturnType<typeof useCursorList<T>>;

/** A cursor-paged list (useCursorList) as a table: rows by id, no pages but "load more" under it. */
export function CursorTable<T extends { id: string | number }>({ list, ...props }: { list: CursorList<T> } & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  if (list.error && list.items.length === 0) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Table<T> rowKey="id" size="middle" scroll={{ x: 900 }} locale={{ emptyText: <EmptyState /> }} {...props} loading={list.loading} dataSource={list.items} pagination={false} />
      <LoadMore list={list} />
    </>
  );
}
