/**
 * The iGate simulator in its own process, so the benchmark measures the hub and not the
 * simulator sharing its event loop. Prints `ready <url>`; on stdin, `bump <n>` changes n
 * dossiers spread over the table and answers `bumped <n>`.
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { startIgateSimulator } from '../../connectors/sim/igate/simulator';

async function main() {
  const dossiers = Number(process.argv[2] ?? 100_000);
  const sim = await startIgateSimulator({ seed: 2020, dossiers, port: 0, faults: { rate: 0 } });
  process.stdout.write(`ready ${sim.url}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const [cmd, arg] = line.trim().split(/\s+/);
    if (cmd === 'bump') {
      const n = Number(arg);
      const step = Math.max(1, Math.floor(dossiers / n));
      let done = 0;
      for (let i = 0; done < n && i < dossiers; i += step, done++) sim.bumpDossier(i);
      process.stdout.write(`bumped ${done}\n`);
    }
  }
  await sim.close();
}

void main();
