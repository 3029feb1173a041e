/**
 * Synthetic personal data: plausible names, streets and jobs, never a real person's. Emails use the
 * domains reserved for examples (RFC 2606) and UK mobiles the range Ofcom keeps for drama (07700 900xxx).
 */
export const firstNames = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Isabella', 'Sophia', 'Grace', 'Freya', 'Florence', 'Emily', 'Ella', 'Poppy',
  'Evie', 'Chloe', 'Sienna', 'Harper', 'Alice', 'Ruby', 'Rosie', 'Charlotte', 'Hannah', 'Sarah', 'Claire', 'Emma', 'Laura', 'Marie', 'Anna',
  'Noah', 'Oliver', 'George', 'Arthur', 'Leo', 'Muhammad', 'Harry', 'Oscar', 'Archie', 'Henry', 'Theodore', 'Jack', 'Freddie', 'Charlie',
  'Thomas', 'James', 'William', 'Alfie', 'Joshua', 'Lucas', 'Daniel', 'Samuel', 'David', 'Paul', 'Peter', 'Mark', 'Pierre', 'Jan', 'Luca', 'Sean',
];

export const lastNames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker',
  'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood', 'Harris', 'Edwards', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
  'Hughes', 'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris', 'Khan', 'Scott', 'Watson', 'Davis', 'Parker',
  'James', 'Bennett', 'Young', 'Phillips', 'Richardson', 'Mitchell', 'Bailey', 'Carter', 'Cook', 'Singh', 'Shaw', 'Bell', 'Collins', 'Morgan',
  'Kelly', 'Begum', 'Miller', 'Cox', 'Hussain', 'Marshall', 'Murphy', 'Muller', 'Schmidt', 'Dubois', 'Martin', 'Garcia', 'Rossi', 'Jansen',
];

/** 64 names: with the house number it gives every move of a party a new street (see `streetOf`). */
export const streetNames = [
  'High Street', 'Station Road', 'Main Street', 'Park Road', 'Church Road', 'Church Street', 'London Road', 'Victoria Road', 'Green Lane',
  'Manor Road', 'Church Lane', 'Park Avenue', 'The Avenue', 'The Crescent', 'Queens Road', 'New Road', 'Grange Road', 'Kings Road',
  'Kingsway', 'Windsor Road', 'Highfield Road', 'Mill Lane', 'Alexander Road', 'York Road', 'St Johns Road', 'Main Road', 'Broadway',
  'King Street', 'The Green', 'Springfield Road', 'George Street', 'Park Lane', 'Victoria Street', 'Albert Road', 'Queensway', 'New Street',
  'Queen Street', 'West Street', 'North Street', 'Manchester Road', 'The Drive', 'Richmond Road', 'Grove Road', 'South Street', 'School Lane',
  'The Grove', 'North Road', 'Stanley Road', 'Chester Road', 'Mill Road', 'Market Street', 'Cedar Avenue', 'Orchard Way', 'Meadow View',
  'Rose Hill', 'Willow Close', 'Beech Drive', 'Elm Grove', 'Oak Lane', 'Ash Close', 'Maple Road', 'Cherry Tree Walk', 'Chapel Street', 'Bridge Street',
];

const emailDomains = ['example.com', 'example.org', 'example.net'];

/** A party's names, from the 32 bits of its person hash. */
export function firstNameOf(personHash: number): string {
  return firstNames[personHash % firstNames.length];
}

export function lastNameOf(personHash: number): string {
  return lastNames[(personHash >>> 7) % lastNames.length];
}

/** `first.last`, in ASCII lower case. */
export function emailLocalPart(personHash: number): string {
  return `${firstNameOf(personHash)}.${lastNameOf(personHash)}`.toLowerCase();
}

export function emailDomainOf(personHash: number): string {
  return emailDomains[(personHash >>> 13) % emailDomains.length];
}

export const occupations = [
  'teacher', 'nurse', 'software engineer', 'accountant', 'shop manager', 'student', 'retired', 'electrician', 'designer', 'chef',
  'pharmacist', 'architect', 'sales representative', 'civil servant', 'journalist', 'florist', 'gardener', 'photographer', 'lawyer', 'doctor',
  'interior designer', 'event planner', 'buyer', 'barista', 'carpenter', 'translator', 'consultant', 'researcher', 'driver', 'librarian',
];

export const companyWords = [
  ['Oak', 'Harbour', 'Lantern', 'Willow', 'Copper', 'Meadow', 'Granite', 'Bluebell', 'Northgate', 'Riverside', 'Thistle', 'Kestrel'],
  ['Gifts', 'Home Stores', 'Interiors', 'Trading', 'Emporium', 'Crafts', 'Supplies', 'Boutique', 'Design', 'Wholesale', 'Retail', 'Living'],
  ['Ltd', 'Ltd', 'LLP', 'GmbH', 'SARL', 'B.V.', 'Ltd', '& Co'],
] as const;

export const genderWeights = [0.48, 0.46, 0.01, 0.05] as const;

/** The house number and street of the `version`-th address of a party: versions below 960 never repeat one. */
export function streetOf(partyHash: number, version: number): string {
  const houseNumber = 1 + (((partyHash >>> 8) + version * 17) % 240);
  return `${houseNumber} ${streetNames[(partyHash + version) % streetNames.length]}`;
}
