export { checkCommand } from './check';
export { keysCommand } from './keys';
export { migrateCommand } from './migrate';
export { planCommand } from './plan';
export { reportCommand } from './report';
export { serveCommand } from './serve';
export { simulateCommand } from './simulate';
export { syncCommand } from './sync';
