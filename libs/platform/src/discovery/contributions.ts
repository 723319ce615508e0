import type { DiscoveryService } from '@nestjs/core';

type Contribution<T> = abstract new (...args: never[]) => T;

/** Every value a module of the application provides as an instance of `type`: the registries' multi-provider. */
export function contributionsOf<T>(discovery: DiscoveryService, type: Contribution<T>): T[] {
  return discovery
    .getProviders()
    .map((wrapper): unknown => wrapper.instance)
    .filter((instance): instance is T => instance instanceof type);
}
