import { Module } from '@nestjs/common';
import { CustomerSearchService } from './customer-search.service';
import { CustomerViewController } from './customer-view.controller';
import { GetCustomer360Handler } from './get-customer-360.handler';
import { GetCustomerTimelineHandler } from './get-customer-timeline.handler';

@Module({
  controllers: [CustomerViewController],
  providers: [GetCustomer360Handler, GetCustomerTimelineHandler, CustomerSearchService],
})
export class CustomerViewModule {}
