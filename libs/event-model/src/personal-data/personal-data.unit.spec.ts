import { eventCatalogue } from '../catalogue';
import { EventCatalogue } from '../versioning/event-catalogue';
import { erasedMarker, isErased } from './erased-marker';
import { ContainsPersonalData, PersonalData } from './personal-data.decorators';

describe('personal data paths', () => {
  it('lists the personal fields of each profile version: contact data, not the country', () => {
    expect(eventCatalogue.personalDataPaths('CustomerProfileUpdated', 1)).toEqual([['name'], ['email'], ['phone']]);
    expect(eventCatalogue.personalDataPaths('CustomerProfileUpdated', 2)).toEqual([
      ['name'],
      ['email'],
      ['phone'],
      ['birthDate'],
      ['gender'],
      ['occupation'],
      ['address', 'street'],
      ['address', 'postalCode'],
      ['address', 'city'],
    ]);
  });

  it.each([
    ['IdentityLinked', [['value']]],
    ['InteractionRecorded', [['note']]],
    ['ReturnRequested', [['comment']]],
    ['ComplaintOpened', [['description']]],
    ['ComplaintEscalated', [['note']]],
    ['ComplaintResolved', [['note']]],
  ])('marks the free text or identifier of %s', (type, paths) => {
    expect(eventCatalogue.personalDataPaths(type, 1)).toEqual(paths);
  });

  it('finds no personal data in orders, payments, consents and the other types', () => {
    const withPersonalData = ['CustomerProfileUpdated', 'IdentityLinked', 'InteractionRecorded', 'ReturnRequested', 'ComplaintOpened', 'ComplaintEscalated', 'ComplaintResolved'];
    for (const type of eventCatalogue.types.filter((known) => !withPersonalData.includes(known))) {
      expect([type, eventCatalogue.personalDataPaths(type, eventCatalogue.currentVersion(type))]).toEqual([type, []]);
    }
  });

  it('answers [] for an unknown type or version: nothing known to protect', () => {
    expect(eventCatalogue.personalDataPaths('CustomerTeleported', 1)).toEqual([]);
    expect(eventCatalogue.personalDataPaths('CustomerProfileUpdated', 7)).toEqual([]);
  });

  it('computes the paths once per type and version', () => {
    expect(eventCatalogue.personalDataPaths('CustomerProfileUpdated', 2)).toBe(eventCatalogue.personalDataPaths('CustomerProfileUpdated', 2));
    expect(Object.isFrozen(eventCatalogue.personalDataPaths('CustomerProfileUpdated', 2))).toBe(true);
  });

  it('follows nested DTOs at any depth, and inherits the marks of a parent class', () => {
    class Geo {
      @PersonalData() latitude?: number;
    }
    class Place {
      @ContainsPersonalData(() => Geo) geo?: Geo;
      label?: string;
    }
    class Visit {
      @PersonalData() visitor?: string;
      @ContainsPersonalData(() => Place) place?: Place;
    }
    class DetailedVisit extends Visit {
      @PersonalData() companion?: string;
    }
    const catalogue = new EventCatalogue([
      { type: 'Visited', origin: 'producer', description: '', versions: { 1: Visit, 2: DetailedVisit }, upcasters: { 1: (data) => data }, example: {} },
    ]);
    expect(catalogue.personalDataPaths('Visited', 1)).toEqual([['visitor'], ['place', 'geo', 'latitude']]);
    expect(catalogue.personalDataPaths('Visited', 2)).toEqual([['visitor'], ['place', 'geo', 'latitude'], ['companion']]);
  });
});

describe('the erased marker', () => {
  it('is what an erased personal field reads as', () => {
    expect(erasedMarker).toEqual({ erased: true });
    expect(isErased(erasedMarker)).toBe(true);
    expect(isErased(JSON.parse(JSON.stringify(erasedMarker)))).toBe(true);
  });

  it.each([[null], ['erased'], [{ erased: 'true' }], [{ erased: true, value: 'Ada' }], [[true]], [undefined]])(
    'is not mistaken for %p',
    (value) => expect(isErased(value)).toBe(false),
  );

  it('cannot be changed by a reader', () => {
    expect(Object.isFrozen(erasedMarker)).toBe(true);
  });
});
