/* Where the demo simulator listens (simulator/server.ts): one port for every system. */

/** The simulator's port: env SIMULATOR_PORT, else the default of parameter bank-systems.simulator.port. */
export const DEFAULT_SIMULATOR_PORT = 4100
export function simulatorPort(): number {
  const fromEnv = Number(process.env.SIMULATOR_PORT)
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_SIMULATOR_PORT
}
