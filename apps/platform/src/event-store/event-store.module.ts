import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from '@cdp/event-store';
import { EVENT_STORE, SEALED_EVENT_STORE } from './event-store.token';

/**
 * Closes the store after the HTTP server has stopped and its in-flight requests have finished
 * (Nest calls this hook after `onModuleDestroy` and after closing the server), so that no
 * request meets a closed store.
 */
@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.store.close();
    new Logger('EventStore').log(signal ? `event store closed (${signal})` : 'event store closed');
  }
}

/**
 * Provides an opened event store under `EVENT_STORE` (decrypting personal data) and `SEALED_EVENT_STORE`
 * (the same store underneath, sealed), and closes it when the app shuts down.
 */
@Module({})
export class EventStoreModule {
  static forRoot(store: EventStore, sealed: EventStore): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [{ provide: EVENT_STORE, useValue: store }, { provide: SEALED_EVENT_STORE, useValue: sealed }, EventStoreCloser],
      exports: [EVENT_STORE, SEALED_EVENT_STORE],
    };
  }
}
