/**
 * Domain events: a module says what happened (`emit(tx, event)` inside the transaction that wrote it) and
 * whoever cares reacts once it is committed, without the writer knowing them. Reactions between modules
 * (completion, offers) and the caches of every node (course pages, sessions) hang on these; see README.md.
 */
import { randomUUID } from 'node:crypto';
import type { CompletionRule } from '../../../shared/completion.ts';
import type { Stage } from '../../../shared/lifecycle.ts';
import type { Db, Tx } from '../db/index.ts';
import type { Bus } from '../realtime/bus.ts';

/** Every event of the platform, by its `type`. Payloads are plain JSON: they may cross to other nodes. */
export type DomainEvent =
  /** What a course page shows of the course itself changed: its fields, thumbnail, indexation, sections. */
  | { type: 'course.changed'; courseId: string }
  /** A course moved to another stage of its life cycle; `stage` is the new one (`trash`: it was trashed). */
  | { type: 'course.stage_changed'; courseId: string; stage: Stage }
  /** An activity was created; `tracked` when its completion counts (its rule is not `none`). */
  | { type: 'activity.added'; courseId: string; activityId: string; tracked: boolean }
  /** An activity's fields, settings, files or place in the course changed. */
  | { type: 'activity.changed'; courseId: string; activityId: string }
  /** A designer changed how an activity counts as done (with `activity.changed`). */
  | {
      type: 'activity.rule_changed';
      courseId: string;
      activityId: string;
      before: CompletionRule;
      after: CompletionRule;
    }
  /** Activities of one course were deleted; `tracked` when one of them counted for completion. */
  | { type: 'activity.removed'; courseId: string; activityIds: string[]; tracked: boolean }
  /** An activity's audience (the groups it is restricted to) was set or lifted. */
  | { type: 'audience.changed'; courseId: string; activityId: string }
  /** A course's groups, groupings or their members changed (and so, maybe, who an audience holds). */
  | { type: 'groups.changed'; courseId: string }
  /** People were enrolled in a course or left it (their role there came or went). */
  | { type: 'enrolment.changed'; courseId: string; userIds: string[] }
  /** A person's account, sessions or roles changed; `null`: anyone's may have (a domain renamed). */
  | { type: 'access.changed'; userId: string | null }
  /** People were notified (`notify`); `mail` when some of them are owed a mail at once. */
  | { type: 'notifications.created'; userIds: string[]; mail: boolean }
  /**
   * A realtime message was stored (`platform/realtime/publish.ts`): the realtime hub sends it to every
   * node once committed. `data` is the message itself, plain JSON.
   */
  | { type: 'realtime.published'; channel: string; seq: number; data: unknown };

export type EventType = DomainEvent['type'];
export type EventOf<K extends EventType> = Extract<DomainEvent, { type: K }>;
export type Listener<K extends EventType> = (event: EventOf<K>) => unknown;
export type ListenOptions = {
  /**
   * Also run when the event is emitted on another node (it comes through the bus): for what each node
   * holds in memory, such as caches. Other listeners run once, on the node that wrote.
   */
  everyNode?: boolean;
};
type Logger = { error: (details: object, message: string) => void };
type Registered = { listener: (event: DomainEvent) => unknown; everyNode: boolean };
type Deliver = (events: DomainEvent[]) => Promise<void>;

const CHANNEL = 'magistere:events';

/** The events queued on an open transaction (or savepoint), delivered once it commits. */
type Queue = { events: DomainEvent[]; closed: boolean };
const queues = new WeakMap<object, Queue>();
/** How to deliver what is emitted on a database handle outside any transaction: its hub's listeners. */
const hubs = new WeakMap<object, Deliver>();

/**
 * The listeners of one node, and the bridge to the others. `attach` it to the node's database so that its
 * transactions carry the events emitted in them.
 */
export class Events {
  readonly #node = randomUUID();
  readonly #listeners = new Map<EventType, Registered[]>();
  readonly #bus: Bus;
  #logger: Logger = { error: (details, message) => console.error(message, details) };
  readonly ready: Promise<void>;

  constructor(options: { bus: Bus; db?: Db }) {
    this.#bus = options.bus;
    this.ready = options.bus.subscribe(CHANNEL, (message) => this.#received(message));
    if (options.db) this.attach(options.db);
  }

  /**
   * Runs `listener` after every committed `type` event (in emission order, one listener after the other;
   * the writer waits for them, but a listener's failure is only logged). Returns how to stop listening.
   */
  on<K extends EventType>(type: K, listener: Listener<K>, options: ListenOptions = {}): () => void {
    const entry: Registered = {
      listener: listener as (event: DomainEvent) => unknown,
      everyNode: options.everyNode ?? false,
    };
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), entry]);
    return () => this.#listeners.set(type, this.#listeners.get(type)?.filter((e) => e !== entry) ?? []);
  }

  /** Where listeners' failures are reported (the application's logger once it exists). */
  logTo(logger: Logger) {
    this.#logger = logger;
  }

  /**
   * Makes `db`'s transactions carry events: each `db.transaction` (and savepoint inside it) gets a queue
   * that `emit` fills and that is delivered after COMMIT — dropped on ROLLBACK.
   */
  attach(db: Db) {
    const deliver: Deliver = (events) => this.#deliver(events);
    hubs.set(db, deliver);
    track(db as unknown as Opener, deliver);
  }

  async #deliver(emitted: DomainEvent[]) {
    // The same fact said twice in one transaction (a course changed by two steps) is delivered once.
    const seen = new Set<string>();
    const events = emitted.filter((event) => {
      const key = JSON.stringify(event);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    await this.#run(events, false);
    const shared = events.filter((event) => this.#listeners.get(event.type)?.some((l) => l.everyNode));
    if (shared.length > 0)
      await this.#bus
        .publish(CHANNEL, JSON.stringify({ node: this.#node, events: shared }))
        .catch((error) =>
          this.#logger.error({ err: error }, 'domain events: publishing to other nodes failed'),
        );
  }

  #received(message: string) {
    let parsed: { node?: unknown; events?: unknown };
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    // This node ran its own listeners when it wrote; the bus brings its message back to it too.
    if (parsed.node === this.#node || !Array.isArray(parsed.events)) return;
    void this.#run(parsed.events as DomainEvent[], true);
  }

  async #run(events: DomainEvent[], fromElsewhere: boolean) {
    for (const event of events)
      for (const { listener, everyNode } of this.#listeners.get(event.type) ?? []) {
        if (fromElsewhere && !everyNode) continue;
        try {
          await listener(event);
        } catch (error) {
          this.#logger.error({ err: error, event: event.type }, 'domain events: a listener failed');
        }
      }
  }
}

/**
 * Says that `event` happened. Inside a transaction it is queued there and delivered after COMMIT (never if
 * the transaction rolls back); on the database itself (a job, a script writing without a transaction)
 * it is delivered at once, so emit it after the write. A handle no hub was attached to has no listeners.
 */
export async function emit(tx: Tx, event: DomainEvent): Promise<void> {
  const queue = queues.get(tx);
  if (queue) {
    if (queue.closed) throw new Error(`${event.type} emitted on a transaction already finished`);
    queue.events.push(event);
    return;
  }
  await hubs.get(tx)?.([event]);
}

type Opener = {
  transaction: (run: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>;
};

/**
 * Wraps `handle.transaction` so that the transaction it opens carries a queue, delivered by `commit` once
 * it has committed. A savepoint (a transaction opened on a transaction) gets its own queue, which joins
 * its parent's when the savepoint is released: events of a savepoint rolled back are dropped with it.
 */
function track(handle: Opener, commit: Deliver) {
  const open = handle.transaction.bind(handle);
  handle.transaction = async (run, config) => {
    const queue: Queue = { events: [], closed: false };
    let result: unknown;
    try {
      result = await open(async (tx) => {
        queues.set(tx, queue);
        track(tx as Opener, async (events) => {
          queue.events.push(...events);
        });
        return run(tx);
      }, config);
    } finally {
      queue.closed = true;
    }
    if (queue.events.length > 0) await commit(queue.events);
    return result;
  };
}
