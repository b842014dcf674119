/**
 * Local time (Asia/Ho_Chi_Minh, fixed UTC+07:00) and the three upstream date formats.
 * See upstream-apis.md, "Conventions that hold for all three".
 */
export * from './date-formats';
export * from './local-date';
