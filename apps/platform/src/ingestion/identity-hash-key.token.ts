/** The secret that keys identity hashes: a leaked identity stream name must not give away the email behind it. */
export const IDENTITY_HASH_KEY = Symbol('IDENTITY_HASH_KEY');
