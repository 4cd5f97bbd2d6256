/** Bad usage or bad input: the CLI prints the one-line reason and the usage, and exits 2. */
export class UsageError extends Error {}

/** Bad input rather than bad usage (a file that is not a catalogue, an unknown plan): exit 2, no usage. */
export class InputError extends UsageError {}

export const USAGE = `usage: training-engine <command> [options]

commands:
  catalogue import <file>                  load a free-exercise-db JSON catalogue into exrcwiki
  plan request --user <uuid> --days <n> [--goal g] [--experience e] [--split s]
               [--equipment a,b] [--week-start YYYY-MM-DD] [--minutes n] [--request-id uuid]
               [--wait [--timeout-seconds n]]
  plan show <plan-id>                      print a plan: weeks, sessions, exercises
  rollover [--as-of YYYY-MM-DD]            run the weekly rollover now
  progress refresh [--user <uuid>] [--full]
  progress show --user <uuid> [--svg DIR]  a user's progress; --svg DIR also writes its charts
  status                                   queues with job counts, schedules, dead letters
  user create [--email e]                  create a user (the embedded database's sign-up) and print its id
  reset [--yes]                            remove the embedded PostgreSQL's data and staged binaries
  demo                                     the tour: a demo user, a plan through the queue, a logged week,
                                           the rollover to week 2, progress`;
