import { Module } from '@nestjs/common';
import { CustomerEventsController } from './customer-events.controller';
import { GetCustomerEventsHandler } from './get-customer-events.handler';
import { InteractionsController } from './interactions.controller';
import { RecordInteractionHandler } from './record-interaction.handler';

@Module({
  controllers: [InteractionsController, CustomerEventsController],
  providers: [RecordInteractionHandler, GetCustomerEventsHandler],
})
export class CustomersModule {}
