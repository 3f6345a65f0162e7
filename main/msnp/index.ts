export * from './command';
export * from './connection';
export * from './errors';
export * from './framer';
export * from './mime';
export * from './percent';
export * from './transactions';
export * from './wire-log';
