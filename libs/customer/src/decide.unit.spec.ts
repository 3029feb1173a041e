import { customerDecider } from './customer-decider';
import {
  CustomerAlreadyRegisteredError,
  EmptyProfileUpdateError,
  InvalidCustomerCommandError,
} from './customer-errors';
import { CustomerEvent } from './customer-events';
import { deciderSpecification } from './testing';

const given = deciderSpecification(customerDecider).given;
const customerId = 'c-42';

const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  schemaVersion: 1,
  data: { partyKind: 'customer', acquisitionChannel: 'web-signup' },
};
const emailOpened: CustomerEvent = {
  type: 'InteractionRecorded',
  schemaVersion: 1,
  data: { channel: 'email', direction: 'inbound', kind: 'email-opened', campaignId: 'spring' },
};
const profileWithAddress: CustomerEvent = {
  type: 'CustomerProfileUpdated',
  schemaVersion: 2,
  data: { name: 'Ada', email: 'ada@example.org', address: { country: 'GB', city: 'London' } },
};

describe('RegisterCustomer', () => {
  it('registers a new customer', () => {
    given([])
      .when({ type: 'RegisterCustomer', data: { customerId, partyKind: 'customer', acquisitionChannel: 'web-signup' } })
      .then([registered]);
  });

  it('registers a customer other systems already reported interactions for', () => {
    given([emailOpened])
      .when({ type: 'RegisterCustomer', data: { customerId, partyKind: 'prospect' } })
      .then([{ type: 'CustomerRegistered', schemaVersion: 1, data: { partyKind: 'prospect' } }]);
  });

  it('rejects registering the same customer twice', () => {
    given([registered])
      .when({ type: 'RegisterCustomer', data: { customerId, partyKind: 'customer' } })
      .thenThrows(CustomerAlreadyRegisteredError, (error) => {
        expect(error.code).toBe('customer-already-registered');
        expect(error.customerId).toBe(customerId);
      });
  });

  it('rejects a party kind the catalogue does not know', () => {
    given([])
      .when({ type: 'RegisterCustomer', data: { customerId, partyKind: 'alien' as never } })
      .thenThrows(InvalidCustomerCommandError, (error) => {
        expect(error.code).toBe('invalid-customer-command');
        expect(error.issues.map((issue) => issue.path)).toEqual(['data.partyKind']);
      });
  });
});

describe('RecordInteraction', () => {
  it('records an interaction for a registered customer', () => {
    given([registered])
      .when({
        type: 'RecordInteraction',
        data: { customerId, channel: 'email', direction: 'inbound', kind: 'email-opened', campaignId: 'spring' },
      })
      .then([emailOpened]);
  });

  it('records an interaction for a customer nobody has registered yet', () => {
    given([])
      .when({
        type: 'RecordInteraction',
        data: { customerId, channel: 'email', direction: 'inbound', kind: 'email-opened', campaignId: 'spring' },
      })
      .then([emailOpened]);
  });

  it('leaves out optional fields given as undefined', () => {
    given([])
      .when({
        type: 'RecordInteraction',
        data: { customerId, channel: 'store', direction: 'inbound', kind: 'visit', note: undefined, productId: undefined },
      })
      .then([{ type: 'InteractionRecorded', schemaVersion: 1, data: { channel: 'store', direction: 'inbound', kind: 'visit' } }]);
  });

  it('rejects an interaction on an unknown channel, naming the field', () => {
    given([registered])
      .when({ type: 'RecordInteraction', data: { customerId, channel: 'pigeon' as never, direction: 'inbound', kind: 'visit' } })
      .thenThrows(InvalidCustomerCommandError, (error) => {
        expect(error.issues.map((issue) => issue.path)).toEqual(['data.channel']);
      });
  });
});

describe('UpdateCustomerProfile', () => {
  it('records the profile of a registered customer', () => {
    given([registered])
      .when({
        type: 'UpdateCustomerProfile',
        data: { customerId, profile: { name: 'Ada', email: 'ada@example.org', address: { country: 'GB', city: 'London' } } },
      })
      .then([profileWithAddress]);
  });

  it('accepts profile data that arrives before the registration', () => {
    given([])
      .when({ type: 'UpdateCustomerProfile', data: { customerId, profile: { phone: '+44 20 7946 0000' } } })
      .then([{ type: 'CustomerProfileUpdated', schemaVersion: 2, data: { phone: '+44 20 7946 0000' } }]);
  });

  it('records only the fields that change', () => {
    given([registered, profileWithAddress])
      .when({
        type: 'UpdateCustomerProfile',
        data: { customerId, profile: { name: 'Ada', email: 'ada@lovelace.example', address: { country: 'GB', city: 'Leeds' } } },
      })
      .then([{ type: 'CustomerProfileUpdated', schemaVersion: 2, data: { email: 'ada@lovelace.example', address: { city: 'Leeds' } } }]);
  });

  it('records nothing when the update changes nothing', () => {
    given([registered, profileWithAddress])
      .when({ type: 'UpdateCustomerProfile', data: { customerId, profile: { name: 'Ada', address: { city: 'London' } } } })
      .thenNothingHappened();
  });

  it('rejects an update that names no field', () => {
    given([registered])
      .when({ type: 'UpdateCustomerProfile', data: { customerId, profile: { name: undefined } } })
      .thenThrows(EmptyProfileUpdateError, (error) => expect(error.code).toBe('empty-profile-update'));
  });

  it('rejects an invalid email, naming the field', () => {
    given([registered])
      .when({ type: 'UpdateCustomerProfile', data: { customerId, profile: { email: 'not-an-email' } } })
      .thenThrows(InvalidCustomerCommandError, (error) => {
        expect(error.issues.map((issue) => issue.path)).toEqual(['data.email']);
      });
  });
});
