// One seed for every fuzzer of a run, printed so a failure can be replayed:
// FAULTS_SEED=<seed> npm run test:faults.
const fromEnv = process.env.FAULTS_SEED;
export const FUZZ_SEED = fromEnv ? Number(fromEnv) : Date.now() % 2 ** 31;
if (!Number.isInteger(FUZZ_SEED)) throw new Error(`FAULTS_SEED must be an integer (got ${fromEnv})`);

export function announceSeed(what: string): number {
  console.log(`${what}: fuzz seed ${FUZZ_SEED} (replay with FAULTS_SEED=${FUZZ_SEED} npm run test:faults)`);
  return FUZZ_SEED;
}
