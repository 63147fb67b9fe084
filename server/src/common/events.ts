import { EventEmitter } from 'node:events';

/** Domain events one area hands to others (enrolment → wallet clearing, order cancellation). */
export interface DomainEvents {
  'enrolment.terminated': {
    enrolmentId: string;
    elderId: string;
    policyId: string;
    reason: string;
    /** The last day of service (YYYY-MM-DD, Asia/Shanghai); service stops after it. */
    lastServiceDay: string;
    at: Date;
  };
  'enrolment.approved': { enrolmentId: string; elderId: string; policyId: string; startedOn: string; at: Date };
}

/**
 * In-process, typed, published after the writing transaction commits. Listeners run one after
 * another; a failing listener is logged by the bus's owner and does not undo the change.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor(private readonly reportError: (err: unknown, event: string) => void = () => {}) {}

  on<K extends keyof DomainEvents>(name: K, listener: (e: DomainEvents[K]) => void | Promise<void>): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  async publish<K extends keyof DomainEvents>(
    name: K,
    event: DomainEvents[K],
    onError: (err: unknown) => void = (err) => this.reportError(err, name),
  ): Promise<void> {
    for (const listener of this.emitter.listeners(name) as ((e: DomainEvents[K]) => void | Promise<void>)[]) {
      try {
        await listener(event);
      } catch (err) {
        onError(err);
      }
    }
  }
}
