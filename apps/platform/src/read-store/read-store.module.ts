import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ReadStore } from '@cdp/read-store';
import { READ_STORE } from './read-store.token';

/** Closes the store once the server and the projection worker have stopped (they stop in earlier hooks). */
@Injectable()
class ReadStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    new Logger('ReadStore').log('read store closed');
  }
}

/** Provides an opened read store under `READ_STORE`, and closes it when the app shuts down. */
@Module({})
export class ReadStoreModule {
  static forRoot(store: ReadStore): DynamicModule {
    return {
      module: ReadStoreModule,
      global: true,
      providers: [{ provide: READ_STORE, useValue: store }, ReadStoreCloser],
      exports: [READ_STORE],
    };
  }
}
