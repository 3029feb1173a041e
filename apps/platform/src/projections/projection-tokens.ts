/** The workers that fold the event store into the read models (`ReadModelWorkers`). */
export const READ_MODEL_WORKERS = Symbol('READ_MODEL_WORKERS');
/** The read models the API serves, each as the projection that writes it. */
export const PLATFORM_PROJECTIONS = Symbol('PLATFORM_PROJECTIONS');
/** The 360° view's collection (`ReadCollection<Customer360Document>`). */
export const CUSTOMER_360_COLLECTION = Symbol('CUSTOMER_360_COLLECTION');
/** The sales-by-month collection. */
export const SALES_BY_MONTH_COLLECTION = Symbol('SALES_BY_MONTH_COLLECTION');
/** The read models of segments and audiences (`AudienceStores`). */
export const AUDIENCE_STORES = Symbol('AUDIENCE_STORES');
