import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './client.js';

/**
 * The PostgreSQL connection an open transaction runs on, for `COPY … FROM STDIN` inside it; none on PGlite (which
 * takes COPY only from a whole file), so a caller keeps a statement path that works on both.
 */
export function copyConnectionOf(tx: Tx): pg.ClientBase | undefined {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : undefined;
}

/**
 * One `COPY … FROM STDIN` (text format) written a piece at a time, so that the caller can make the next piece while
 * PostgreSQL stores the last. A refusal by the server (a unique violation…) stops it: later writes are dropped and
 * `end` answers the error instead of throwing, for the caller to roll back to its savepoint and decide.
 */
export class CopyIn {
  private readonly stream: ReturnType<typeof copyFrom>;
  private failure: Error | null = null;
  private ended = false;

  constructor(client: pg.ClientBase, statement: string) {
    // A larger buffer than a Writable's 16 KiB: a piece is about a hundred rows, and waiting for each to drain would
    // take the CPU away from making the next one.
    this.stream = client.query(copyFrom(statement, { highWaterMark: 1 << 20 }));
    this.stream.on('error', (err: Error) => {
      this.failure ??= err;
    });
  }

  get failed(): Error | null {
    return this.failure;
  }

  /**
   * Sends rows as COPY text lines; waits when the connection is behind, not when it failed. Always lets the event
   * loop turn once: until the server's answer to the COPY statement is read, the stream holds what it is given, and
   * a caller making its next piece at once would hold the whole document back (nothing stored while it hashes).
   */
  async write(lines: string): Promise<void> {
    if (this.failure || !lines) return;
    if (this.stream.write(lines)) return new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  /** Ends the COPY: null once PostgreSQL has stored every row, else its refusal. */
  async end(): Promise<Error | null> {
    if (this.ended) return this.failure;
    this.ended = true;
    if (!this.failure) {
      this.stream.end();
      await finished(this.stream).catch((err: Error) => {
        this.failure ??= err;
      });
    }
    return this.failure;
  }
}

/** A text value as a COPY text-format field (PostgreSQL docs, COPY, "Text Format": backslash escapes). */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text[] as a COPY field: an array literal with every element quoted (PostgreSQL docs, 8.15.6). */
export function copyTextArray(values: readonly string[] | null | undefined): string {
  if (!values?.length) return '{}';
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out += (i ? ',"' : '"') + (/[\\"]/.test(v) ? v.replace(/[\\"]/g, '\\$&') : v) + '"';
  }
  return copyText(out + '}');
}

/** NULL in COPY text format. */
export const COPY_NULL = '\\N';
