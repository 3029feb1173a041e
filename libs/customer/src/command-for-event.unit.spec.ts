import { commandForEvent } from './command-for-event';
import { NotACustomerEventError } from './customer-errors';

describe('commandForEvent', () => {
  it('turns a producer event into the imperative command, with the party’s id', () => {
    expect(commandForEvent('17850', { type: 'OrderCancelled', data: { orderId: '536365' } })).toEqual({
      type: 'CancelOrder',
      data: { customerId: '17850', orderId: '536365' },
    });
    expect(commandForEvent('17850', { type: 'InteractionRecorded', data: { channel: 'web', direction: 'inbound', kind: 'page-viewed' } })).toEqual({
      type: 'RecordInteraction',
      data: { customerId: '17850', channel: 'web', direction: 'inbound', kind: 'page-viewed' },
    });
  });

  it('hands a profile update over as the profile', () => {
    expect(commandForEvent('17850', { type: 'CustomerProfileUpdated', data: { name: 'Ada' } })).toEqual({
      type: 'UpdateCustomerProfile',
      data: { customerId: '17850', profile: { name: 'Ada' } },
    });
  });

  it('lets no field of the data replace the party’s id', () => {
    const command = commandForEvent('17850', { type: 'ConsentGranted', data: { customerId: 'someone-else', channel: 'email', purpose: 'service' } });
    expect(command.data.customerId).toBe('17850');
  });

  it.each(['IdentityClaimed', 'CustomerTeleported', 'toString', '__proto__'])('refuses %s, with a code', (type) => {
    let thrown: unknown;
    try {
      commandForEvent('17850', { type, data: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotACustomerEventError);
    expect(thrown).toMatchObject({ code: 'not-a-customer-event', eventType: type });
  });
});
