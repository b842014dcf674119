/** A start that cannot go on; its message is the one line the CLI prints. Kept light: the CLI imports it before anything heavy. */
export class DatabaseStartError extends Error {}
