import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEventStore } from '../infrastructure/domain-event.store';
import type { DomainEventDefinition } from './domain-event';

/**
 * A context publishes what happened, in the transaction that made it happen; the worker's relay hands
 * each committed event to every subscriber once. Returns the event id.
 */
@Injectable()
export class DomainEvents {
  constructor(private readonly store: DomainEventStore) {}

  publish<Payload extends object>(manager: EntityManager, event: DomainEventDefinition<Payload>, payload: Payload, correlationId?: string): Promise<string> {
    return this.store.append(manager, event, payload, correlationId);
  }
}
