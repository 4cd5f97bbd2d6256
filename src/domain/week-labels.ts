// How a week and a row are labelled wherever a plan is shown (`plan show`, the demo, the
// dashboard's plan page): a week's place in its mesocycle, and a row the rollover marked for a
// swap. One wording, so the CLI and the pages say the same.

/** "mesocycle 2, week 1", with " · deload" on a deload week. */
export const mesocycleLabel = (w: { mesocycle: number; mesocycleWeek: number; isDeload: boolean }) =>
  `mesocycle ${w.mesocycle}, week ${w.mesocycleWeek}${w.isDeload ? " · deload" : ""}`;

/** What a row marked for a swap says: the rollover marks one only for joint pain on its muscle. */
export const SWAP_SUGGESTED = "swap suggested: joint pain";
