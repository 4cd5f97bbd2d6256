// `user create [--email e]`: a user in auth.users, the embedded database's stand-in for Supabase
// sign-up, so `plan request --user` can be tried without psql. Prints the new id alone on stdout
// (`USER_ID=$(npm run -s cli -- user create)`). A malformed email, or one another user has, is bad
// input: exit 2 with one line (the malformed one before the database is opened).
import { z } from "zod";
import { createUser, DuplicateEmailError } from "../db/queries/users.ts";
import { parseFlags } from "./args.ts";
import type { CliCommand } from "./command.ts";
import type { CliContext } from "./context.ts";
import { InputError } from "./usage.ts";

export interface UserCreateArgs {
  email?: string;
}

const email = z.email();

export const userCreateCommand = {
  path: ["user", "create"],
  parse(argv: string[]): UserCreateArgs {
    const { values } = parseFlags("user create", argv, { email: { type: "string" } });
    if (values.email === undefined) return {};
    const given = values.email.trim();
    if (!email.safeParse(given).success) {
      throw new InputError(
        `user create: --email: not an email address (got ${JSON.stringify(values.email)})`,
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
        throw new InputError(`user create: --email: ${error.message}`, { cause: error });
      }
      throw error;
    }
  },
} satisfies CliCommand & { run(args: UserCreateArgs, ctx: CliContext): Promise<void> };
