// A personal record's type in words, and its value with the unit it is measured in: an e1RM and
// the heaviest weight are kilograms, a set's volume is kilograms times reps (not a weight).
export const RECORD_TYPES = ["e1rm", "heaviest_weight", "best_set_volume"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const WORDS: Record<RecordType, string> = {
  e1rm: "estimated 1RM",
  heaviest_weight: "heaviest weight",
  best_set_volume: "best set volume",
};

const UNITS: Record<RecordType, string> = {
  e1rm: "kg",
  heaviest_weight: "kg",
  best_set_volume: "kg × reps",
};

const isRecordType = (type: string): type is RecordType => (RECORD_TYPES as readonly string[]).includes(type);

/** "best_set_volume" -> "best set volume"; an unknown type with its underscores as spaces. */
export function recordName(type: string): string {
  return isRecordType(type) ? WORDS[type] : type.replaceAll("_", " ");
}

/** The value with its unit: "102.5 kg", "2400 kg × reps". */
export function recordValue(type: string, value: number): string {
  if (!isRecordType(type)) return value.toFixed(1);
  return type === "best_set_volume"
    ? `${value.toFixed(0)} ${UNITS[type]}`
    : `${value.toFixed(1)} ${UNITS[type]}`;
}
