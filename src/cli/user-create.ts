// `user create [--email e]`: a user in auth.users, the embedded database's stand-in for Supabase
// sign-up, so `plan request --user` can be tried without psql. Prints the new id alone on stdout
// (`USER_ID=$(npm run -s cli -- user create)`). A malformed email, or one another user has, is bad
// input: exit 2 with one line (the malformed or over-long one before the database is opened).
import { z } from "zod";
import { createUser, DuplicateEmailError } from "../db/queries/users.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import { USER_CREATE } from "./command-specs.ts";
import type { CliContext } from "./context.ts";
import { flagMessage, got, InputError } from "./usage.ts";

export interface UserCreateArgs {
  email?: string;
}

/** auth.users.email is varchar(255): a longer one is refused here, naming the flag. */
export const MAX_EMAIL_CHARS = 255;
const email = z.email();

export const userCreateCommand = {
  parse(argv: string[]): UserCreateArgs {
    const { values } = parseFlags(USER_CREATE, argv);
    if (values.email === undefined) return {};
    const given = values.email.trim();
    // The length first: the format check never runs on a value the column could not hold.
    if (given.length > MAX_EMAIL_CHARS) {
      throw new InputError(
        flagMessage(
          USER_CREATE.path,
          "--email",
          `must be at most ${MAX_EMAIL_CHARS} characters${got(given)}`,
        ),
      );
    }
    if (!email.safeParse(given).success) {
      throw new InputError(
        flagMessage(USER_CREATE.path, "--email", `must be an email address${got(values.email)}`),
      );
    }
    // Supabase stores emails lower-cased; so does this stand-in.
    return { email: given.toLowerCase() };
  },
  async run(args: UserCreateArgs, ctx: CliContext) {
    try {
      ctx.out(await createUser(ctx.pool, args.email));
    } catch (error) {
      if (error instanceof DuplicateEmailError) {
        throw new InputError(flagMessage(USER_CREATE.path, "--email", error.message), { cause: error });
      }
      throw error;
    }
  },
} satisfies CliCommand & { run(args: UserCreateArgs, ctx: CliContext): Promise<void> };
