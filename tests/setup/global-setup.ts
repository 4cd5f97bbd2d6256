// Placeholder until the database setup lands (issue 2): pure tests need nothing.
export default async function setup(): Promise<void> {}
