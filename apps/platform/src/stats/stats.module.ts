import { Module } from '@nestjs/common';
import { PlatformStatsService } from './platform-stats.service';
import { StatsController } from './stats.controller';

@Module({ controllers: [StatsController], providers: [PlatformStatsService] })
export class StatsModule {}
