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
  /** A complaint's revisit found the provider at fault (000 六 4), the first time it is found so. */
  'complaint.atFault': { complaintId: string; elderId: string; providerId: string; orderId: string | null; at: Date };
  /** A complaint past its deadline and not closed (the alert sweep's SLA check, 000 六 4). */
  'complaint.overdue': {
    complaintId: string;
    elderId: string;
    providerId: string | null;
    orderId: string | null;
    dueAt: Date;
    at: Date;
  };
  /** A visit exception resolved REJECT: the visit's whole charge taken back, its record found false. */
  'visitException.rejected': { exceptionId: string; orderId: string; providerId: string; at: Date };
  /** A caregiver's certificate past its expiry with no valid one of its kind on record (000 五). */
  'certificate.lapsed': {
    certificateId: string;
    caregiverId: string;
    providerId: string;
    kind: string;
    expiresOn: string;
    at: Date;
  };
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
