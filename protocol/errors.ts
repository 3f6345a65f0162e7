// The protocol's error table lives in shared/ (the renderer and the CLI word server errors from it);
// the wire code reaches it here.
export * from '../shared/protocol-errors';
