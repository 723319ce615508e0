import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DOMAIN_EVENT_SUBSCRIBER_METADATA, eventKey, type DomainEventHandler, type SubscriptionMetadata } from './domain-event';

export interface Subscription {
  readonly subscriber: string;
  readonly eventKey: string;
  readonly handler: DomainEventHandler<object>;
}

const SUBSCRIBER_NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/**
 * Every subscriber of every domain event, found among the Nest providers when the modules are
 * initialised (before any bootstrap hook runs the relay or the consumer). Start-up fails on a
 * subscriber name used twice or not of the form `context.what-it-does`.
 */
@Injectable()
export class DomainEventSubscribers implements OnModuleInit {
  private byEvent = new Map<string, Subscription[]>();
  private byName = new Map<string, Subscription>();

  constructor(private readonly discovery?: DiscoveryService) {}

  /** A fixed set, for code that runs without a Nest container. */
  static of(subscriptions: readonly Subscription[]): DomainEventSubscribers {
    const registry = new DomainEventSubscribers();
    registry.register(subscriptions);
    return registry;
  }

  onModuleInit(): void {
    if (!this.discovery) return;
    const found: Subscription[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
      const metadata = Reflect.getMetadata(DOMAIN_EVENT_SUBSCRIBER_METADATA, wrapper.metatype) as SubscriptionMetadata | undefined;
      if (!metadata) continue;
      found.push({
        subscriber: metadata.subscriber,
        eventKey: eventKey(metadata.event.name, metadata.event.version),
        handler: instance as DomainEventHandler<object>,
      });
    }
    this.register(found);
  }

  private register(subscriptions: readonly Subscription[]): void {
    const problems: string[] = [];
    const byName = new Map<string, Subscription>();
    for (const subscription of subscriptions) {
      if (!SUBSCRIBER_NAME.test(subscription.subscriber)) problems.push(`subscriber name ${subscription.subscriber} is not of the form context.what-it-does`);
      if (byName.has(subscription.subscriber)) problems.push(`subscriber name ${subscription.subscriber} is used twice`);
      byName.set(subscription.subscriber, subscription);
    }
    if (problems.length > 0) throw new Error(`domain event subscribers misconfigured:\n  ${problems.join('\n  ')}`);
    this.byName = byName;
    this.byEvent = new Map();
    for (const subscription of subscriptions) {
      this.byEvent.set(subscription.eventKey, [...(this.byEvent.get(subscription.eventKey) ?? []), subscription]);
    }
  }

  /** The subscribers of one event kind, in a stable order. */
  of(name: string, version: number): readonly Subscription[] {
    return [...(this.byEvent.get(eventKey(name, version)) ?? [])].sort((a, b) => a.subscriber.localeCompare(b.subscriber));
  }

  named(subscriber: string): Subscription | undefined {
    return this.byName.get(subscriber);
  }

  all(): readonly Subscription[] {
    return [...this.byName.values()];
  }
}
