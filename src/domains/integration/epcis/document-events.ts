import { validateEvent, type EventProblem } from './validate.js';

type Event = Record<string, unknown>;

/**
 * A captured document's events, each checked once, when first asked for: the COPY path checks a piece while the
 * database stores the last one (no pass over the whole document before the first row goes out), the statement
 * path checks them all first. `problems` checks what is left and lists every refused event's, in the document's order.
 */
export class DocumentEvents {
  private readonly verdicts: (readonly EventProblem[] | undefined)[];
  private anyRefused = false;

  constructor(
    private readonly events: readonly unknown[],
    readonly context: unknown,
  ) {
    this.verdicts = new Array(events.length);
  }

  get length(): number {
    return this.events.length;
  }

  /** Whether an event checked so far was refused. */
  get refused(): boolean {
    return this.anyRefused;
  }

  /** The event at `index` when it is valid, else null (its problems kept for `problems`). */
  valid(index: number): Event | null {
    let verdict = this.verdicts[index];
    if (verdict === undefined) {
      verdict = this.verdicts[index] = validateEvent(this.events[index], index, this.context);
      if (verdict.length) this.anyRefused = true;
    }
    return verdict.length ? null : (this.events[index] as Event);
  }

  /** Every valid event, in order. */
  allValid(): Event[] {
    const out: Event[] = [];
    for (let i = 0; i < this.events.length; i++) {
      const event = this.valid(i);
      if (event) out.push(event);
    }
    return out;
  }

  /** Every refused event's problems, in order. */
  problems(): EventProblem[] {
    for (let i = 0; i < this.events.length; i++) this.valid(i);
    return this.anyRefused ? this.verdicts.flatMap((v) => v ?? []) : [];
  }
}
