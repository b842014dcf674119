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
  });
  process.stderr.write(
    [
      'simulated portals (Ctrl-C stops them):',
      `  NATIONAL_URL=${sims.urls.national}  NATIONAL_USERNAME=${config.national.username || 'hub'}  NATIONAL_PASSWORD=<as configured, default hub-secret>`,
      `  IGATE_URL=${sims.urls.igate}  IGATE_CLIENT_ID=tthc-hub  IGATE_CLIENT_SECRET=<default hub-secret>`,
      `  PAKN_URL=${sims.urls.pakn}  PAKN_API_KEY=<default hub-secret>`,
      '',
    ].join('\n'),
  );
  await untilSignal();
  await sims.close();
  return 0;
}
