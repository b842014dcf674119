export * from './errors';
export * from './http';
export * from './limiter';
export * from './paging';
export * from './retry';
