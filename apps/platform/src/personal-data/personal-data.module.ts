import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { PersonalData } from './open-personal-data';

export const PERSONAL_DATA = Symbol('PERSONAL_DATA');

@Injectable()
class PersonalDataCloser implements OnApplicationShutdown {
  constructor(@Inject(PERSONAL_DATA) private readonly personalData: PersonalData) {}

  async onApplicationShutdown(): Promise<void> {
    await this.personalData.close();
    new Logger('PersonalData').log('key store closed');
  }
}

/** Provides the cipher and key store under `PERSONAL_DATA`, and closes them when the app shuts down. */
@Module({})
export class PersonalDataModule {
  static forRoot(personalData: PersonalData): DynamicModule {
    return {
      module: PersonalDataModule,
      global: true,
      providers: [{ provide: PERSONAL_DATA, useValue: personalData }, PersonalDataCloser],
      exports: [PERSONAL_DATA],
    };
  }
}
