// The CLI's commands as data: the words that select each, its arguments and its flags with their
// values and defaults. `--help` is printed from these and the flags are parsed from them, so the two
// cannot drift apart. A command's file imports its own spec from here; the list that loads each
// command's code when it runs is commands.ts. This file imports nothing heavy.
import { EXCLUSION_REASONS } from "../domain/swap/exclusion-reasons.ts";
import { EQUIPMENT, EXPERIENCE_LEVELS, GOALS, SPLITS } from "../domain/vocabulary.ts";
import type { CommandSpec, Flags } from "./command.ts";

const spec = <const F extends Flags>(s: CommandSpec<F>) => s;
const NO_FLAGS = {} as const;

export const CATALOGUE_IMPORT = spec({
  path: ["catalogue", "import"],
  summary: "load a free-exercise-db JSON catalogue into exrcwiki",
  args: [{ name: "file", help: "a free-exercise-db JSON file" }],
  flags: NO_FLAGS,
});

export const PLAN_REQUEST = spec({
  path: ["plan", "request"],
  summary: "enqueue a plan.generate job; --wait prints the plan",
  args: [],
  flags: {
    user: { type: "string", value: "uuid", help: "an existing user", required: true },
    days: { type: "string", value: "n", help: "training days per week, 2..6", required: true },
    goal: { type: "string", value: "g", help: GOALS.join(", "), default: "general_fitness" },
    experience: { type: "string", value: "e", help: EXPERIENCE_LEVELS.join(", "), default: "intermediate" },
    split: { type: "string", value: "s", help: SPLITS.join(", "), default: "auto" },
    equipment: {
      type: "string",
      value: "a,b",
      help: `comma-separated: ${EQUIPMENT.join(", ")}; "" or none: bodyweight only`,
      default: "a full gym, every value",
    },
    "week-start": {
      type: "string",
      value: "YYYY-MM-DD",
      help: "a Monday inside the plan date window",
      default: "the next Monday",
    },
    minutes: { type: "string", value: "n", help: "minutes per session, 20..180", default: "60" },
    "request-id": {
      type: "string",
      value: "uuid",
      help: "the same id never makes a second plan",
      default: "none",
    },
    wait: {
      type: "boolean",
      help: "wait for a running worker to make the plan, and print it",
      default: "off",
    },
    "timeout-seconds": {
      type: "string",
      value: "n",
      help: "how long --wait waits, up to 86400",
      default: "120",
    },
  },
});

export const PLAN_SHOW = spec({
  path: ["plan", "show"],
  summary: "print a plan: weeks, sessions, exercises",
  args: [{ name: "plan-id", help: "the plan's uuid" }],
  flags: {
    ids: {
      type: "boolean",
      help: "also print each exercise row's id (for plan alternatives and plan swap)",
      default: "off",
    },
  },
});

export const PLAN_ALTERNATIVES = spec({
  path: ["plan", "alternatives"],
  summary: "list ranked alternatives for one exercise row, with their reasons",
  args: [{ name: "row-id", help: "the exercise row's uuid (modular_training_exercise.id)" }],
  flags: NO_FLAGS,
});

export const PLAN_SWAP = spec({
  path: ["plan", "swap"],
  summary: "swap an exercise row (and its slot in later weeks) for another exercise",
  args: [
    { name: "row-id", help: "the exercise row's uuid (modular_training_exercise.id)" },
    { name: "exercise-id", help: "a catalogue exercise_id (see plan alternatives)" },
  ],
  flags: NO_FLAGS,
});

const EXCLUDE_USER = { type: "string", value: "uuid", help: "an existing user", required: true } as const;

export const EXCLUDE_ADD = spec({
  path: ["exclude", "add"],
  summary: "exclude an exercise for a user: never generated, offered or swapped in",
  args: [{ name: "exercise-id", help: "a catalogue exercise_id" }],
  flags: {
    user: EXCLUDE_USER,
    reason: { type: "string", value: "r", help: EXCLUSION_REASONS.join(", "), default: "none" },
  },
});

export const EXCLUDE_REMOVE = spec({
  path: ["exclude", "remove"],
  summary: "remove a user's exclusion of an exercise",
  args: [{ name: "exercise-id", help: "a catalogue exercise_id" }],
  flags: { user: EXCLUDE_USER },
});

export const EXCLUDE_LIST = spec({
  path: ["exclude", "list"],
  summary: "list a user's excluded exercises",
  args: [],
  flags: { user: EXCLUDE_USER },
});

export const ROLLOVER = spec({
  path: ["rollover"],
  summary: "run the weekly rollover now",
  args: [],
  flags: {
    "as-of": {
      type: "string",
      value: "YYYY-MM-DD",
      help: "the day to roll over as of, inside the date window",
      default: "today in ROLLOVER_TZ",
    },
  },
});

export const PROGRESS_REFRESH = spec({
  path: ["progress", "refresh"],
  summary: "bring the progress tables up to date now",
  args: [],
  flags: {
    user: { type: "string", value: "uuid", help: "only this user", default: "every user's marked weeks" },
    full: { type: "boolean", help: "rebuild from the sets instead of the marked weeks", default: "off" },
  },
});

export const PROGRESS_SHOW = spec({
  path: ["progress", "show"],
  summary: "a user's progress: e1RM, hard sets, records",
  args: [],
  flags: {
    user: { type: "string", value: "uuid", help: "an existing user", required: true },
    svg: {
      type: "string",
      value: "DIR",
      help: "also write the charts there as SVG files (the folder is created if missing)",
      default: "none",
    },
  },
});

export const STATUS = spec({
  path: ["status"],
  summary: "queues with job counts, schedules, dead letters",
  args: [],
  flags: NO_FLAGS,
});

export const USER_CREATE = spec({
  path: ["user", "create"],
  summary: "create a user (sign-up on the embedded database)",
  args: [],
  flags: {
    email: {
      type: "string",
      value: "e",
      help: "an email address, at most 255 characters, stored lower-cased",
      default: "no email",
    },
  },
});

export const DEMO = spec({
  path: ["demo"],
  summary: "the tour: a user, a plan, a logged week, rollover, progress",
  args: [],
  flags: {
    weeks: {
      type: "string",
      value: "n",
      help: "live n weeks (2..12; 6 is one mesocycle) with a modelled lifter, the rollover each week",
      default: "none: the one-week tour",
    },
  },
});

export const RESET = spec({
  path: ["reset"],
  summary: "remove the embedded PostgreSQL's data and staged binaries (lists them without --yes)",
  args: [],
  flags: {
    yes: { type: "boolean", help: "remove them; without it, only list what would go", default: "off" },
  },
});
