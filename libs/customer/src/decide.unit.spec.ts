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

describe('UpdateCustomerProfile with the later optional fields', () => {
  it('records gender, occupation, street and company', () => {
    const profile = { gender: 'female' as const, occupation: 'mathematician', address: { street: '12 St James Square' }, company: { name: 'ACME', size: '1-9' as const } };
    given([registered])
      .when({ type: 'UpdateCustomerProfile', data: { customerId, profile } })
      .then([{ type: 'CustomerProfileUpdated', schemaVersion: 2, data: profile }]);
  });

  it('records a new company size with the company name it belongs to', () => {
    const acme: CustomerEvent = { type: 'CustomerProfileUpdated', schemaVersion: 2, data: { occupation: 'buyer', company: { name: 'ACME', size: '1-9' } } };
    given([acme])
      .when({ type: 'UpdateCustomerProfile', data: { customerId, profile: { occupation: 'buyer', company: { name: 'ACME', size: '10-49' } } } })
      .then([{ type: 'CustomerProfileUpdated', schemaVersion: 2, data: { company: { size: '10-49', name: 'ACME' } } }]);
  });

  it('records nothing when the company is the one already known', () => {
    const acme: CustomerEvent = { type: 'CustomerProfileUpdated', schemaVersion: 2, data: { company: { name: 'ACME', size: '1-9' } } };
    given([acme]).when({ type: 'UpdateCustomerProfile', data: { customerId, profile: { company: { name: 'ACME' } } } }).thenNothingHappened();
  });
});

describe('ChangePartyKind', () => {
  const prospect: CustomerEvent = { type: 'CustomerRegistered', schemaVersion: 1, data: { partyKind: 'prospect' } };

  it('records the change, with the kind the stream knows as `from`', () => {
    given([prospect])
      .when({ type: 'ChangePartyKind', data: { customerId, to: 'customer' } })
      .then([{ type: 'PartyKindChanged', schemaVersion: 1, data: { to: 'customer', from: 'prospect' } }]);
  });

  it('trusts the stream over the producer for `from`', () => {
    given([prospect])
      .when({ type: 'ChangePartyKind', data: { customerId, from: 'partner', to: 'customer' } })
      .then([{ type: 'PartyKindChanged', schemaVersion: 1, data: { from: 'prospect', to: 'customer' } }]);
  });

  it('keeps the producer’s `from` when the stream knows no kind yet', () => {
    given([])
      .when({ type: 'ChangePartyKind', data: { customerId, from: 'prospect', to: 'customer' } })
      .then([{ type: 'PartyKindChanged', schemaVersion: 1, data: { from: 'prospect', to: 'customer' } }]);
  });

  it('records a change without `from` when nobody knows it', () => {
    given([])
      .when({ type: 'ChangePartyKind', data: { customerId, to: 'partner' } })
      .then([{ type: 'PartyKindChanged', schemaVersion: 1, data: { to: 'partner' } }]);
  });

  it('records nothing when the party already is of that kind', () => {
    given([prospect]).when({ type: 'ChangePartyKind', data: { customerId, to: 'prospect' } }).thenNothingHappened();
  });

  it('records nothing when an earlier change already made it so', () => {
    given([prospect, { type: 'PartyKindChanged', schemaVersion: 1, data: { from: 'prospect', to: 'customer' } }])
      .when({ type: 'ChangePartyKind', data: { customerId, to: 'customer' } })
      .thenNothingHappened();
  });

  it('rejects a kind the catalogue does not know', () => {
    given([prospect])
      .when({ type: 'ChangePartyKind', data: { customerId, to: 'alien' as never } })
      .thenThrows(InvalidCustomerCommandError, (error) => expect(error.issues.map((issue) => issue.path)).toEqual(['data.to']));
  });
});

describe('LinkIdentity', () => {
  const emailLinked: CustomerEvent = { type: 'IdentityLinked', schemaVersion: 1, data: { kind: 'email', value: 'ada@example.org' } };

  it('links an identifier to a customer nobody has registered yet', () => {
    given([]).when({ type: 'LinkIdentity', data: { customerId, kind: 'email', value: 'ada@example.org' } }).then([emailLinked]);
  });

  it('records nothing when that exact identifier is already linked', () => {
    given([registered, emailLinked])
      .when({ type: 'LinkIdentity', data: { customerId, kind: 'email', value: 'ada@example.org', system: 'crm' } })
      .thenNothingHappened();
  });

  it('links another value, or the same value as another kind', () => {
    given([emailLinked])
      .when({ type: 'LinkIdentity', data: { customerId, kind: 'email', value: 'ada@lovelace.example' } })
      .then([{ type: 'IdentityLinked', schemaVersion: 1, data: { kind: 'email', value: 'ada@lovelace.example' } }]);
    given([emailLinked])
      .when({ type: 'LinkIdentity', data: { customerId, kind: 'external-crm-id', value: 'ada@example.org', system: 'salesforce' } })
      .then([{ type: 'IdentityLinked', schemaVersion: 1, data: { kind: 'external-crm-id', value: 'ada@example.org', system: 'salesforce' } }]);
  });

  it('rejects an empty identifier', () => {
    given([])
      .when({ type: 'LinkIdentity', data: { customerId, kind: 'phone', value: '' } })
      .thenThrows(InvalidCustomerCommandError, (error) => expect(error.issues.map((issue) => issue.path)).toEqual(['data.value']));
  });
});
