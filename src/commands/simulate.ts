import type { HubConfig } from '../config';
import type { Logger } from '../log';
import { startSimulators } from '../simulate';
import { untilSignal } from './signals';

export async function simulateCommand(config: HubConfig, log: Logger): Promise<number> {
  const port = Number(process.env.SIM_PORT ?? 4101);
  const sims = await startSimulators({ ...config, simulate: true }, log, {
    national: port,
    igate: port + 1,
    pakn: port + 2,
    host: process.env.SIM_HOST ?? '127.0.0.1',
  });
  process.stderr.write(
    [
      'simulated portals (Ctrl-C stops them):',
      `  NATIONAL_URL=${sims.urls.national}  NATIONAL_USERNAME=hub  NATIONAL_PASSWORD=hub-secret`,
      `  IGATE_URL=${sims.urls.igate}  IGATE_CLIENT_ID=tthc-hub  IGATE_CLIENT_SECRET=hub-secret`,
      `  PAKN_URL=${sims.urls.pakn}  PAKN_API_KEY=hub-secret`,
      '',
    ].join('\n'),
  );
  await untilSignal();
  await sims.close();
  return 0;
}
