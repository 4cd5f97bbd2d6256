// `user create [--email e]`: the id printed is a row of auth.users; a malformed email and one that
// another user already has are bad input (exit 2, one line naming --email); nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError, UsageError } from "../../src/cli/usage.ts";
import { userCreateCommand } from "../../src/cli/user-create.ts";
import { runCli } from "../helpers/cli.ts";
import { testCliContext } from "../helpers/cli-context.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";

describe("user create arguments", () => {
  it("takes an optional --email, trimmed and lower-cased as Supabase stores it", () => {
    expect(userCreateCommand.parse([])).toEqual({});
    expect(userCreateCommand.parse(["--email", " Ada@Example.TEST "])).toEqual({ email: "ada@example.test" });
  });

  it("rejects a malformed email as bad input naming the flag, and unknown flags as bad usage", () => {
    for (const bad of ["ada", "ada@", "@example.test", "ada example@test.org", ""]) {
      expect(() => userCreateCommand.parse(["--email", bad])).toThrow(InputError);
      expect(() => userCreateCommand.parse(["--email", bad])).toThrow(
        /^user create: --email: must be an email address \(got /,
      );
    }
    expect(() => userCreateCommand.parse(["--name", "ada"])).toThrow(UsageError);
    expect(() => userCreateCommand.parse(["--email"])).toThrow(UsageError);
    expect(() => userCreateCommand.parse(["extra"])).toThrow(UsageError);
  });

  it("exits 2 with one line on a malformed email, before any database work", async () => {
    const run = await runCli(["user", "create", "--email", "not-an-email"], {
      databaseUrl: "postgresql://nobody@127.0.0.1:1/none",
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('error: user create: --email: must be an email address (got "not-an-email")\n');
  });
});

describe("user create", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb?.drop());

  const create = async (argv: string[]) => {
    const t = testCliContext(tdb);
    await userCreateCommand.run(userCreateCommand.parse(argv), t.ctx);
    return t.lines;
  };
  const users = async (email: string) =>
    (
      await tdb.pool.query<{ id: string; email: string }>(
        "SELECT id, email FROM auth.users WHERE lower(email) = lower($1)",
        [email],
      )
    ).rows;

  it("prints the new user's id alone, and that user exists", async () => {
    const lines = await create(["--email", "Grace@Example.test"]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await users("grace@example.test")).toEqual([{ id: lines[0], email: "grace@example.test" }]);
  });

  it("without --email makes a user with no email, a new one each time", async () => {
    const [a] = await create([]);
    const [b] = await create([]);
    expect(a).not.toBe(b);
    const { rows } = await tdb.pool.query("SELECT email FROM auth.users WHERE id = ANY($1::uuid[])", [
      [a, b],
    ]);
    expect(rows).toEqual([{ email: null }, { email: null }]);
  });

  it("refuses an email another user has, in any case, naming that user; writes nothing", async () => {
    const [first] = await create(["--email", "linus@example.test"]);
    await expect(create(["--email", "LINUS@example.test"])).rejects.toThrow(
      new InputError(`user create: --email: a user with email linus@example.test already exists (${first})`),
    );
    expect(await users("linus@example.test")).toHaveLength(1);
  });
});
