import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The queue that carries domain events. Not one of the job queues: its jobs are one per subscriber
 * and event, made by the relay from the subscribers found at start-up.
 */
export const DOMAIN_EVENTS_QUEUE = 'domain-events';

/** A kind of domain event: its name, its version, the context that publishes it and (as a type) its payload. */
export interface DomainEventDefinition<Payload extends object> {
  readonly name: string;
  readonly version: number;
  readonly publisher: string;
  /** Phantom field carrying the payload type; never set at run time. */
  readonly payload?: Payload;
}

export function defineDomainEvent<Payload extends object>(name: string, version: number, publisher: string): DomainEventDefinition<Payload> {
  if (!/^[A-Z][A-Za-z]+$/.test(name)) throw new Error(`domain event name ${name} must be PascalCase`);
  return { name, version, publisher };
}

/** One published event as a subscriber receives it. `id` is the outbox row's id, the same for every subscriber. */
export interface DomainEvent<Payload extends object> {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  /** When the publishing transaction wrote it (ISO instant). */
  readonly occurredAt: string;
  readonly payload: Payload;
  readonly correlationId?: string;
}

/**
 * A subscriber's reaction to an event. It runs inside a transaction that has claimed
 * (event id, subscriber) in `processed_job`: whatever it writes through `manager` happens exactly once,
 * and a throw rolls it back and lets the queue try again.
 */
export interface DomainEventHandler<Payload extends object> {
  handle(event: DomainEvent<Payload>, manager: EntityManager): Promise<void>;
}

export const DOMAIN_EVENT_SUBSCRIBER_METADATA = 'imdi:domain-event-subscriber';

export interface SubscriptionMetadata {
  readonly event: DomainEventDefinition<object>;
  /** Unique over the system, e.g. `payments.plan-instalments`; part of the once-only key, so never renamed. */
  readonly subscriber: string;
}

/**
 * Marks a provider as the subscriber `subscriber` of `event`. Providers are found at start-up by
 * discovery (no import-time registry); a name used twice stops the start.
 */
export const SubscribesTo = (event: DomainEventDefinition<object>, subscriber: string): ClassDecorator =>
  SetMetadata(DOMAIN_EVENT_SUBSCRIBER_METADATA, { event, subscriber } satisfies SubscriptionMetadata);

export function eventKey(name: string, version: number): string {
  return `${name}@${version}`;
}

/** The BullMQ job id of one subscriber's delivery of one event (BullMQ refuses ":" in custom ids). */
export function eventJobId(eventId: string, subscriber: string): string {
  return `event-${eventId}-${subscriber}`;
}
