/**
 * What the mapping has to remember across invoices, and nothing more:
 * each customer's last known country code (null: registered, no country known), and,
 * per customer, the latest invoice that held each product (to tie a return to its order).
 */
export interface MappingMemory {
  readonly countryByCustomer: Map<string, string | null>;
  readonly lastOrderByCustomerProduct: Map<string, Map<string, string>>;
}

export function emptyMappingMemory(): MappingMemory {
  return { countryByCustomer: new Map(), lastOrderByCustomerProduct: new Map() };
}
