export * from './sales-by-month-projection';
export * from './sales-by-month-document';
export * from './unfoldable-sale-error';
export { salesEventTypes } from './sale-fact';
