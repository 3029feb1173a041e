/** Where the read models live, injected as the `ReadStore` port. */
export const READ_STORE = Symbol('READ_STORE');
