/** No such customer in the read model, or not yet at the moment asked for. */
export class CustomerNotFoundError extends Error {
  readonly code = 'customer-not-found';
}
