export { migrateCommand } from './migrate';
export { serveCommand } from './serve';
export { simulateCommand } from './simulate';
export { syncCommand } from './sync';
