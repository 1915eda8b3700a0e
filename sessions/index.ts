/** The assisted-session domain: pure functions over records, storage through an adapter. */
export * from './schema';
export * from './strings';
export * from './time';
export * from './consent';
export * from './tasks';
export * from './session-ops';
export * from './migrations';
export * from './aggregate';
export * from './csv';
export * from './export';
export * from './merge';
export * from './retention';
export * from './storage';
export * from './repository';
export * from './withdrawals';
export * from './import-screen';
export * from './replication';
